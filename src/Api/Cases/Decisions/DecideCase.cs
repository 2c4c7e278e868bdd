using System.Security.Claims;
using EventHr.Api.Cases.Plans;
using EventHr.Api.Cases.Queries;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;
using EventHr.Domain.Events;
using EventHr.Domain.Organisation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Cases.Decisions;

/// <summary>The answer to a decision: its kind, the fact recorded and the case's status after it.</summary>
public sealed record CaseDecided(string Kind, object Decision, string Status);

public static class DecideCaseEndpoint
{
    private static readonly string[] HrOnly = [DecisionKinds.Reassign, DecisionKinds.AdjustPay, DecisionKinds.Terminate, DecisionKinds.ProbationDismissal];

    public static string CaseStream(string caseId) => CaseSubject.Stream(caseId);

    /// <summary>Reassignment, pay change and termination are HR's, within its brands; the rest is case work of HR or the department head.</summary>
    public static ProblemDetails Before(DecideCase body, PerformanceCase? performanceCase, ClaimsPrincipal user) =>
        HrOnly.Contains(body.Kind) && (user.IsInRole(Roles.Hr) || user.IsInRole(Roles.Admin))
            ? CaseAccess.HrWork(performanceCase, user) : CaseAccess.Work(performanceCase, user);

    public static ProblemDetails Validate(DecideCase body, ClaimsPrincipal user)
    {
        var errors = DecisionKinds.Validate(body);
        if (!errors.IsEmpty) return errors.ToProblem();
        return HrOnly.Contains(body.Kind) && !user.IsInRole(Roles.Hr) && !user.IsInRole(Roles.Admin)
            ? Responses.Forbidden($"a {body.Kind} decision is HR's") : WolverineContinue.NoProblems;
    }

    public static async Task<(CaseSubject, Posts, ProbationPeriod, StandardReview)> LoadAsync(DecideCase body, PerformanceCase @case,
        IDocumentSession session, Projections.Tallies.TallyLedger ledger, CancellationToken ct)
    {
        var subject = await CaseSubject.LoadAsync(@case, session, ct);
        var review = body.Kind == DecisionKinds.Finding && @case.Plan is { } plan
            ? await StandardReview.LoadAsync(plan.BrandId, plan.PostId, session, ct) : StandardReview.Clear;
        // Loading comes before validation: a body without its period reads nothing and is refused next.
        var period = body is { Kind: DecisionKinds.ProbationDismissal, From: { } from, Until: { } until }
            ? await ProbationPeriod.LoadAsync(subject.Employee, from, until, session, ledger, ct)
            : ProbationPeriod.None;
        if (body.Kind != DecisionKinds.Reassign) return (subject, new Posts(null, null), period, review);
        return (subject, new Posts(await session.LoadAsync<Post>(StreamKeys.Post(subject.Employee.PostId), ct),
            await session.LoadAsync<Post>(StreamKeys.Post(body.ToPostId!), ct)), period, review);
    }

    /// <summary>
    /// Decides on a case: pass, extend or finding after an improving period; reassign or adjust-pay as
    /// the remedy after finding #1 (art. 35); terminate under art. 40(2). 409 when the case's state does
    /// not allow it; 422 naming the guard and the missing evidence when the law does not.
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/decisions", OperationId = "decideCase"), Authorize(Roles = Roles.CaseWork), Tags("Cases")]
    [ProducesResponseType<CaseDecided>(200), Infrastructure.Contract.LegalGuarded]
    public static (IResult, Events, AppendToOtherStream, OutgoingMessages) Post(DecideCase body, [Case] PerformanceCase @case, CaseSubject subject,
        Posts posts, ProbationPeriod period, StandardReview review, ClaimsPrincipal user, TimeProvider clock, CaseSettings settings)
    {
        var d = new CaseDecision(body, @case, subject, user.ActorFor(Roles.Hr, Roles.Manager, Roles.Admin), clock.GetUtcNow(),
            subject.Today(clock), settings, clock);
        var decision = body.Kind switch
        {
            DecisionKinds.Extend => ExtendPlan.Decide(d),
            DecisionKinds.Pass => PassPlan.Decide(d),
            DecisionKinds.Finding => RecordFinding.Decide(d, review),
            DecisionKinds.Reassign => Reassign.Decide(d, posts),
            DecisionKinds.AdjustPay => AdjustPay.Decide(d),
            DecisionKinds.ProbationDismissal => DismissInProbation.Decide(d, period),
            _ => Terminate.Decide(d)
        };
        if (!decision.IsOk) return (Problems.From(decision.Refusal!), [], AppendToOtherStream.Nothing, []);
        var (fact, messages) = decision.Value!;
        var status = CaseStatuses.Of(Fold<PerformanceCase>.Apply(@case, fact)!);
        return (Results.Ok(new CaseDecided(body.Kind!, fact, status)), [fact],
            new AppendToOtherStream(StreamKeys.Employee(subject.Employee.EmployeeId), EmployeeConsequences.Of(fact, d.Actor, d.Now)), messages);
    }
}
