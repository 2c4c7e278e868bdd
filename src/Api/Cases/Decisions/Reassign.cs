using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;

namespace EventHr.Api.Cases.Decisions;

/// <summary>调岗: the remedy of a compatible post after finding #1 (G5), its pay guarded by art. 35 (G10).</summary>
public static class Reassign
{
    public static Result<Decided> Decide(CaseDecision d, Posts posts) => posts.Current is null
        ? Result<Decided>.NotFound($"no post '{d.Subject.Employee.PostId}'")
        : Decided.From(PayDecisions.Reassign(d.Case, d.Subject.Employee, posts.Current, posts.Target, d.Body, d.Subject.Law(d.Settings.Law), d.Today, d.Actor, d.Now));
}
