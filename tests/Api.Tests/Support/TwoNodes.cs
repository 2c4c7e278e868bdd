using Alba;
using Microsoft.Extensions.DependencyInjection;

namespace EventHr.Api.Tests.Support;

/// <summary>
/// Two API nodes on one database and schema, as a group runs them: Wolverine in Balanced mode elects a leader that
/// gives each background agent (scheduled messages, the sealer) to one node. Stories speak to the first node; both
/// nodes' clocks move together, as real clocks would.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime, IApi
{
    public const string Schema = "eventhr_nodes";

    public IAlbaHost First { get; private set; } = null!;
    public IAlbaHost Second { get; private set; } = null!;

    public IAlbaHost Host => First;

    public IEnumerable<IAlbaHost> Both => [First, Second];

    public void MoveClock(DateTimeOffset instant)
    {
        foreach (var node in Both) Clock(node).MoveTo(instant);
    }

    public DateTimeOffset ClockNow => Clock(First).GetUtcNow();

    private static EventHr.Api.Infrastructure.SettableClock Clock(IAlbaHost node) =>
        (EventHr.Api.Infrastructure.SettableClock)node.Services.GetRequiredService<TimeProvider>();

    public async Task InitializeAsync()
    {
        First = await AppFixture.Start(null, Schema, solo: false, _ => { });
        Second = await AppFixture.Start(null, Schema, solo: false, _ => { });
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
