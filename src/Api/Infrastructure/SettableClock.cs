using System.Globalization;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// The API's clock. <c>EventHr:Clock:Start</c> (env <c>EVENTHR_CLOCK</c>), an ISO-8601 instant with offset,
/// starts it at that instant, from where it advances in real time: tests and demos walk whole cases in
/// order without back-dating anything. Accepted in Development and Test only; elsewhere the API refuses to start.
/// A test host moves it to the instant each step of a story happens (<see cref="MoveTo"/>, in process only).
/// </summary>
public sealed class SettableClock : TimeProvider
{
    private long _offsetTicks;

    public SettableClock(DateTimeOffset start) => MoveTo(start);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>From now on the clock reads this instant, and advances in real time from there.</summary>
    public void MoveTo(DateTimeOffset instant) => Interlocked.Exchange(ref _offsetTicks, (instant - System.GetUtcNow()).Ticks);

    public static TimeProvider From(IConfiguration config, IHostEnvironment environment)
    {
        var setting = config["EventHr:Clock:Start"] ?? Environment.GetEnvironmentVariable("EVENTHR_CLOCK");
        // In Development the clock is always settable (POST /api/dev/clock, for ./ops/demo); it starts at real time.
        if (string.IsNullOrWhiteSpace(setting)) return environment.IsDevelopment() ? new SettableClock(System.GetUtcNow()) : System;
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Test"))
            throw new InvalidOperationException($"EventHr:Clock:Start (EVENTHR_CLOCK) is for Development and Test only; the {environment.EnvironmentName} API keeps real time.");
        if (!DateTimeOffset.TryParse(setting, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !(setting.EndsWith('Z') || setting.Contains('+') || setting.LastIndexOf('-') > 9))
            throw new InvalidOperationException($"EventHr:Clock:Start '{setting}' is not an ISO-8601 instant with an offset, such as 2026-11-02T09:00:00+08:00.");
        return new SettableClock(start);
    }
}
