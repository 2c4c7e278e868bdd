using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

/// <summary>Notifications reach people: a channel per recipient, delivered through the durable outbox with retries.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    [Fact]
    public async Task a_receiver_that_fails_twice_gets_the_warning_exactly_once_after_retries()
    {
        await using var receiver = new WebhookReceiver(failFirst: 2);
        var (brand, ops, employee, manager) = (_api.Id("brand"), _api.Id("ops"), _api.Id("E1"), _api.Id("M"));
        await _api.Ok(HttpMethod.Put, $"/api/webhooks/{_api.Id("dingtalk")}",
            new { url = receiver.Url, format = "dingtalk", recipients = new[] { manager } });
        await _api.DefineBrand(brand);
        await _api.DefinePost(ops, "ops");
        await _api.PublishStandard(brand, ops, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        await _api.Json(await _api.Send(HttpMethod.Post, "/api/employees", new
        {
            employeeId = employee, name = "王小明", brandId = brand, region = "east", department = _api.Id("d"), postId = ops,
            managerId = manager, hrId = "hr-li", hiredOn = "2026-11-01", monthlySalary = 10000, contract = new { payAdjustableWithPost = true }
        }), 201);

        await new CaseApi(_api).TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2);
        await Eventually.Get(() => Task.FromResult(receiver.Requests.Count(r => r.Status == 200)), n => n >= 1, "the delivery to succeed");
        await Task.Delay(1500);   // a second delivery, were there one, would have arrived by now

        receiver.Requests.Count.ShouldBe(3);
        receiver.Requests.Count(r => r.Status == 200).ShouldBe(1);
        receiver.Requests.Select(r => r.DeliveryId).Distinct().Count().ShouldBe(1);
        var delivered = receiver.Requests.Single(r => r.Status == 200).Body;
        delivered["msgtype"]!.GetValue<string>().ShouldBe("text");
        delivered["text"]!["content"]!.GetValue<string>().ShouldContain("王小明");
    }

    [Fact]
    public async Task a_channel_needs_an_http_url_a_known_format_and_someone_to_tell()
    {
        var bad = await _api.Send(HttpMethod.Put, $"/api/webhooks/{_api.Id("x")}", new { url = "ftp://x", format = "pager", recipients = Array.Empty<string>() });

        var errors = (await TestApi.ShouldBeProblem(bad, 400))["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["url", "format", "recipients"], ignoreOrder: true);
    }
}
