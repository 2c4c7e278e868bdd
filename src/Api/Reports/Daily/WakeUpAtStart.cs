using Wolverine;

namespace EventHr.Api.Reports.Daily;

/// <summary>
/// At start-up the 09:00 run is woken once, so days missed while the API was down are sent and the
/// next wake-up is booked. A hosted service has no handler around it, so it sends through the bus.
/// </summary>
public sealed class WakeUpAtStart(IServiceScopeFactory scopes) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new DailyReportsDue());
    }
}
