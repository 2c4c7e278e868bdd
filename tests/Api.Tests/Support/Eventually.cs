namespace EventHr.Api.Tests.Support;

/// <summary>Waits for work done after the HTTP answer (rules run on the appended events), failing with the last value seen.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        T value;
        do
        {
            value = await read();
            if (done(value)) return value;
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"waited {timeoutMs} ms for {what}; last seen: {value}");
    }
}
