using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EventHr.Api.Tests.Support;

/// <summary>Every line the shared host logs (Information and up), with the scopes it was written in.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    public static readonly CapturedLogs Log = new();

    public sealed record Line(string Category, LogLevel Level, string Text, IReadOnlyDictionary<string, string> Scope);

    private readonly ConcurrentQueue<Line> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<Line> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
    public void Dispose() { }

    private sealed class Writer(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var scope = new Dictionary<string, string>();
            owner._scopes.ForEachScope((s, into) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (k, v) in pairs) into[k] = v?.ToString() ?? "";
                else if (s is not null) into[$"scope{into.Count}"] = s.ToString() ?? "";
            }, scope);
            owner._lines.Enqueue(new Line(category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception), scope));
        }
    }
}
