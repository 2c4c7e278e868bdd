using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using Wolverine;

namespace EventHr.Api.Cases.Decisions;

/// <summary>What every decision on a case is made with: the request, the case and whom it concerns, who decides and when.</summary>
public sealed record CaseDecision(DecideCase Body, PerformanceCase Case, CaseSubject Subject, Actor Actor, DateTimeOffset Now, DateOnly Today,
    CaseSettings Settings, TimeProvider Clock);

/// <summary>The posts a reassignment moves between (loaded only for that kind).</summary>
public sealed record Posts(Post? Current, Post? Target);

/// <summary>The fact decided and the messages it sends (a new deadline timer after an extension).</summary>
public sealed record Decided(object Fact, OutgoingMessages Messages)
{
    public static Result<Decided> From<T>(Result<T> decision, Func<T, OutgoingMessages>? messages = null) where T : notnull =>
        decision.IsOk ? Result<Decided>.Ok(new Decided(decision.Value!, messages?.Invoke(decision.Value!) ?? [])) : decision.Refusal!;
}
