using Alba;
using Microsoft.Extensions.DependencyInjection;

namespace EventHr.Api.Tests.Support;

/// <summary>A host of a test's own, configured as the shared one but on a schema of its own and with services added.</summary>
public sealed class OwnHost(IAlbaHost host) : IApi, IAsyncDisposable
{
    public IAlbaHost Host { get; } = host;

    public static async Task<OwnHost> Start(string schema, Action<IServiceCollection> services) =>
        new(await AppFixture.Start(null, schema, solo: true, services));

    private EventHr.Api.Infrastructure.SettableClock Clock => (EventHr.Api.Infrastructure.SettableClock)Host.Services.GetRequiredService<TimeProvider>();

    public void MoveClock(DateTimeOffset instant) => Clock.MoveTo(instant);

    public DateTimeOffset ClockNow => Clock.GetUtcNow();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
