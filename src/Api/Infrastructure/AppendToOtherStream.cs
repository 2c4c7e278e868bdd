using Marten;
using Wolverine.Marten;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// Events an endpoint returns for a second stream (a case decision's consequences for the employee),
/// appended in the same transaction as the endpoint's own stream.
/// </summary>
public sealed record AppendToOtherStream(string StreamKey, IReadOnlyList<object> Events) : IMartenOp
{
    public static readonly AppendToOtherStream Nothing = new("", []);

    public void Execute(IDocumentSession session)
    {
        if (Events.Count > 0) session.Events.Append(StreamKey, Events.ToArray());
    }
}
