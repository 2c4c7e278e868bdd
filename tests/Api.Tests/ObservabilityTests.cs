using EventHr.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace EventHr.Api.Tests;

/// <summary>What an operator sees: the business meter and the framework's meters, and logs that carry who and which request, never pay or health.</summary>
[Collection(AppCollection.Name)]
public sealed class ObservabilityTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);
    private CaseApi Cases => new(_api);

    /// <summary>On a host of its own, with OpenTelemetry's in-memory exporter as its reader.</summary>
    [Fact]
    public async Task the_meters_count_rows_duplicates_warnings_their_latency_webhook_outcomes_and_the_sealers_lag()
    {
        var metrics = new List<MetricSnapshot>();
        await using var host = await OwnHost.Start("eventhr_metrics", s => s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));
        var _api = new TestApi(host);
        var Cases = new CaseApi(_api);
        List<MetricSnapshot> Read()
        {
            metrics.Clear();
            host.Host.Services.GetRequiredService<MeterProvider>().ForceFlush();
            return metrics.ToList();
        }
        await using var robot = new WebhookReceiver(failFirst: 1);
        var before = Read();
        var (brand, post, employee) = await _api.OperationsHire();
        await _api.Ok(HttpMethod.Put, $"/api/webhooks/{_api.Id("robot")}", new { url = robot.Url, format = "dingtalk", recipients = new[] { "M01" }, brandId = brand });
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2);
        await Cases.Tally(employee, "2026-11-04", 2);   // sent again: a duplicate
        await Cases.WaitForCase($"{employee}-1", "plan-pending");
        await Eventually.Get(() => Task.FromResult(robot.Requests.Count(r => r.Status == 200)), n => n >= 1, "the warning to reach the robot after a refusal");

        var after = await Eventually.Get(() => Task.FromResult(Read()),
            m => Delta(m, before, "eventhr.webhook.deliveries", "delivered") >= 1 && Count(m, "eventhr.sealer.lag") > Count(before, "eventhr.sealer.lag"),
            "the delivery and a sealed range to be measured");
        Delta(after, before, "eventhr.tallies.ingested").ShouldBeGreaterThanOrEqualTo(3);
        Delta(after, before, "eventhr.tallies.duplicates").ShouldBeGreaterThanOrEqualTo(1);
        Delta(after, before, "eventhr.warnings.raised").ShouldBeGreaterThanOrEqualTo(1);
        Delta(after, before, "eventhr.webhook.deliveries", "refused").ShouldBeGreaterThanOrEqualTo(1);
        Count(after, "eventhr.warning.latency").ShouldBeGreaterThan(Count(before, "eventhr.warning.latency"));
        // The frameworks' own meters are collected beside the business one.
        after.Select(m => m.MeterName).ShouldContain("Microsoft.AspNetCore.Hosting");
        after.Select(m => m.MeterName).ShouldContain(n => n.StartsWith("Wolverine"));
        after.Select(m => m.MeterName).ShouldContain("Marten");
        after.Select(m => m.MeterName).ShouldContain("Npgsql");
    }

    [Fact]
    public async Task log_lines_carry_the_correlation_id_and_user_and_no_salary_or_health_data()
    {
        var (brand, post, employee) = await _api.OperationsHire(salary: 23_456.78m);
        var mark = CapturedLogs.Log.Lines.Count;
        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/protections", new { kind = "pregnancy", from = "2026-11-03" });
        await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}");
        var correlation = $"corr-{_api.Run}";
        _api.At("2026-11-02T20:00:00+08:00");
        await _api.Send(HttpMethod.Post, "/api/tallies", new[]
        {
            new { sourceId = $"{_api.Run}:log", employeeId = employee, date = "2026-11-02", metrics = new { orders = 4, visitors = 100, revenue = 400m } }
        }, _api.IntegrationToken, headers: new Dictionary<string, string> { ["X-Correlation-Id"] = correlation });

        var lines = await Eventually.Get(() => Task.FromResult(CapturedLogs.Log.Lines.Skip(mark).ToList()),
            l => l.Any(x => x.Category == "EventHr.Tallies" && x.Scope.GetValueOrDefault("CorrelationId") == correlation), "the batch's log line");
        var batch = lines.First(x => x.Category == "EventHr.Tallies" && x.Scope.GetValueOrDefault("CorrelationId") == correlation);
        batch.Scope["User"].ShouldBe("shop-feed");
        batch.Text.ShouldContain("1 rows accepted");
        // The batch that makes the third low day: the warning its handler raises is logged under the request's correlation id.
        _api.At("2026-11-04T20:00:00+08:00");
        var third = $"corr3-{_api.Run}";
        foreach (var (date, id) in new[] { ("2026-11-03", $"corr2-{_api.Run}"), ("2026-11-04", third) })
            await _api.Send(HttpMethod.Post, "/api/tallies", new[]
            {
                new { sourceId = $"{_api.Run}:log:{date}", employeeId = employee, date, metrics = new { orders = 2, visitors = 100, revenue = 190m } }
            }, _api.IntegrationToken, headers: new Dictionary<string, string> { ["X-Correlation-Id"] = id });
        var warned = await Eventually.Get(() => Task.FromResult(CapturedLogs.Log.Lines.Skip(mark).ToList()),
            l => l.Any(x => x.Category == "EventHr.Rules" && x.Text.Contains(employee)), "the warning's log line");
        var warning = warned.First(x => x.Category == "EventHr.Rules" && x.Text.Contains(employee));
        warning.Scope["CorrelationId"].ShouldBe(third);
        warning.Scope["Message"].ShouldContain("TallyBatchLanded", Case.Insensitive);

        var everything = CapturedLogs.Log.Lines.Select(l => l.Text + " " + string.Join(" ", l.Scope.Values)).ToList();
        everything.ShouldNotContain(t => t.Contains("23456") || t.Contains("23,456"));
        everything.ShouldNotContain(t => t.Contains("pregnan", StringComparison.OrdinalIgnoreCase));

        // Outside Development the console writes one JSON object per line, scopes included.
        var console = fixture.Host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        console.FormatterName.ShouldBe(ConsoleFormatterNames.Json);
        fixture.Host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes.ShouldBeTrue();
    }

    /// <summary>A counter's cumulative sum (of one outcome), from the latest snapshot of it.</summary>
    private static long Sum(List<MetricSnapshot> metrics, string name, string? outcome = null) =>
        metrics.LastOrDefault(m => m.Name == name) is { } metric
            ? metric.MetricPoints.Where(p => outcome is null || Tag(p, "outcome") == outcome).Sum(p => p.GetSumLong()) : 0;

    private static long Delta(List<MetricSnapshot> after, List<MetricSnapshot> before, string name, string? outcome = null) =>
        Sum(after, name, outcome) - Sum(before, name, outcome);

    private static long Count(List<MetricSnapshot> metrics, string name) =>
        metrics.LastOrDefault(m => m.Name == name) is { } metric ? metric.MetricPoints.Sum(p => p.GetHistogramCount()) : 0;

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags) if (tag.Key == key) return tag.Value?.ToString();
        return null;
    }
}
