using System.Buffers;
using System.IO.Pipelines;

namespace EventHr.Api.Tallies;

public sealed class BodyTooLargeException : Exception;

public static class BodyReading
{
    /// <summary>
    /// Buffers a request body up to a limit and parses it in place, without copying it into a string
    /// first; the buffer goes back to the server once parsing is done.
    /// </summary>
    public static async Task<T> ParseToEndAsync<T>(this PipeReader reader, long maxBytes, Func<ReadOnlySequence<byte>, T> parse,
        CancellationToken ct)
    {
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                throw new BodyTooLargeException();
            }
            if (!result.IsCompleted)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            try { return parse(buffer); }
            finally { reader.AdvanceTo(buffer.End); }
        }
    }
}
