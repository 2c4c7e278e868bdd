using System.Net;
using System.Net.Http.Headers;
using Alba;
using EventHr.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace EventHr.Api.Tests;

/// <summary>Expensive reads and each feed's ingestion are limited per user: past the limit, 429 with Retry-After, others unaffected.</summary>
[Collection(AppCollection.Name)]
public sealed class RateLimitTests
{
    [Fact]
    public async Task past_the_limit_a_user_gets_429_with_retry_after_while_another_user_goes_on()
    {
        await using var host = await AppFixture.StartSeparate("eventhr_tests_limits", new Dictionary<string, string>
        {
            ["EventHr:RateLimits:ExpensivePerMinute"] = "2", ["EventHr:RateLimits:IngestPerMinute"] = "2"
        });
        var client = host.Server.CreateClient();
        async Task<HttpResponseMessage> Send(HttpMethod method, string url, string sub, string role, string? body = null)
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(sub, [role], brand: role == "integration" ? "b" : null));
            if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            return await client.SendAsync(request);
        }

        foreach (var (method, url, role, body) in new (HttpMethod, string, string, string?)[]
                 {
                     (HttpMethod.Get, "/api/audit/verify", "auditor", null),
                     (HttpMethod.Post, "/api/reports/daily/run?date=2026-11-20", "hr", "{}"),
                     (HttpMethod.Post, "/api/tallies", "integration", "[{\"sourceId\":\"x\",\"employeeId\":\"nobody\",\"date\":\"2026-11-20\"}]"),
                 })
        {
            var sub = "limited-" + Guid.NewGuid().ToString("N")[..6];
            for (var i = 0; i < 2; i++) ((int)(await Send(method, url, sub, role, body)).StatusCode).ShouldBeLessThan(400, url);
            var refused = await Send(method, url, sub, role, body);
            await TestApi.ShouldBeProblem(refused, 429);
            refused.Headers.RetryAfter.ShouldNotBeNull(url);
            ((int)(await Send(method, url, sub + "-other", role, body)).StatusCode).ShouldBeLessThan(400, $"{url} for another user");
        }
    }
}
