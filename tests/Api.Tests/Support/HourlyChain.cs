using Alba;
using EventHr.Api.Reports.Daily;
using EventHr.Domain.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace EventHr.Api.Tests.Support;

/// <summary>
/// The hourly 09:00 chain keeps real time, so a test cannot wait an hour for its booked wake-up: it moves the booked
/// instant instead (the top of the hour has come, or a timer that did not fire is overdue).
/// </summary>
public static class HourlyChain
{
    public static async Task BookedWakeUpAt(IAlbaHost host, DateTimeOffset at)
    {
        await using var session = host.Services.GetRequiredService<Marten.IDocumentStore>().LightweightSession();
        var tick = await session.LoadAsync<ReportSchedule>(HourlyWakeUp.TickId);
        if (tick is null) return;   // none booked yet: the next wake-up books it
        session.Store(tick with { NextRunAt = at });
        await session.SaveChangesAsync();
    }
}
