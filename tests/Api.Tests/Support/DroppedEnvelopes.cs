using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Xunit.Sdk;

namespace EventHr.Api.Tests.Support;

/// <summary>
/// Watches the API's log for Wolverine saying that messages enqueued after a flush will not be sent
/// (a handler that committed on its own and then sent more). Every test fails when it happens
/// during the test: a dropped message is a report or an alert that never reaches anyone.
/// </summary>
public sealed class DroppedEnvelopes : ILoggerProvider
{
    public static readonly DroppedEnvelopes Log = new();
    private readonly ConcurrentQueue<string> _seen = new();

    public int Count => _seen.Count;
    public IEnumerable<string> Since(int index) => _seen.Skip(index);

    public ILogger CreateLogger(string categoryName) => new Watcher(this);
    public void Dispose() { }

    private sealed class Watcher(DroppedEnvelopes owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (text.Contains("will not be sent", StringComparison.Ordinal)) owner._seen.Enqueue(text);
        }
    }
}

/// <summary>Applied to the whole test assembly: a test during which an envelope was dropped fails.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FailOnDroppedEnvelopesAttribute : BeforeAfterTestAttribute
{
    // The API tests share one collection and so run one at a time.
    private static int _start;

    public override void Before(MethodInfo methodUnderTest) => _start = DroppedEnvelopes.Log.Count;

    public override void After(MethodInfo methodUnderTest)
    {
        var dropped = DroppedEnvelopes.Log.Since(_start).ToList();
        if (dropped.Count > 0)
            throw new InvalidOperationException($"Wolverine dropped messages during {methodUnderTest.Name}: {string.Join(" | ", dropped)}");
    }
}
