using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases;
using EventHr.Domain.Cases.Decisions;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace EventHr.Api.Cases;

public static class DecisionEndpoint
{
    private static readonly string[] HrOnly = [DecisionKinds.Reassign, DecisionKinds.AdjustPay, DecisionKinds.Terminate];

    /// <summary>
    /// pass | extend | finding (after an improving period), reassign | adjust-pay (remedies, art. 35),
    /// terminate (art. 40(2)). 409 when the case's state does not allow it; 422 naming the guard and
    /// the missing evidence when the law does not.
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/decisions", OperationId = "decideCase"), Authorize(Roles = Roles.CaseWork)]
    [Tags("Cases")]
    public static async Task<IResult> Post(string caseId, DecideCase body, IDocumentSession session, IMessageBus bus, ClaimsPrincipal user,
        TimeProvider clock, CaseSettings settings, CancellationToken ct)
    {
        var errors = DecisionKinds.Validate(body);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        if (HrOnly.Contains(body.Kind) && !user.IsInRole(Roles.Hr) && !user.IsInRole(Roles.Admin))
            return Problems.Forbidden($"a {body.Kind} decision is HR's");
        var (loaded, problem) = await CaseStreams.Load(session, caseId, ct);
        if (loaded is null) return problem!;
        var (c, employee) = (loaded.Case, loaded.Employee);
        var actor = user.ActorFor(Roles.Hr, Roles.Manager, Roles.Admin);
        var now = clock.GetUtcNow();
        var brand = await session.LoadAsync<Brand>(StreamKeys.Brand(employee.BrandId), ct);
        var zone = brand?.TimeZone ?? Brand.DefaultTimeZone;
        var today = BusinessDates.Today(clock, zone);

        object? decided;
        Refusal? refusal;
        switch (body.Kind)
        {
            case DecisionKinds.Extend:
                (decided, refusal) = Unpack(ManagerDecisions.Extend(c, body, actor, now));
                break;
            case DecisionKinds.Pass:
                (decided, refusal) = Unpack(ManagerDecisions.Pass(c, body, actor, now));
                break;
            case DecisionKinds.Finding:
                (decided, refusal) = Unpack(ManagerDecisions.Finding(c, body, actor, now));
                break;
            case DecisionKinds.Reassign:
                var current = await session.LoadAsync<Post>(StreamKeys.Post(employee.PostId), ct);
                var target = await session.LoadAsync<Post>(StreamKeys.Post(body.ToPostId!), ct);
                if (current is null) return Problems.NotFound($"no post '{employee.PostId}'");
                (decided, refusal) = Unpack(PayDecisions.Reassign(c, employee, current, target, body, settings.Law, today, actor, now));
                break;
            case DecisionKinds.AdjustPay:
                (decided, refusal) = Unpack(PayDecisions.AdjustPay(c, employee, body, settings.Law, today, actor, now));
                break;
            default:
                (decided, refusal) = Unpack(TerminationDecision.Terminate(c, employee, body, settings.Law, today, actor, now));
                break;
        }
        if (refusal is not null) return Problems.From(refusal);

        loaded.Stream.AppendOne(decided!);
        foreach (var e in EmployeeConsequences(decided!, actor, now)) session.Events.Append(StreamKeys.Employee(employee.EmployeeId), e);
        if (decided is PipExtended extended) await PlanDeadline.Schedule(bus, c.Apply(extended), zone, settings, now);
        await session.SaveChangesAsync(ct);
        return Results.Ok(new { kind = body.Kind, decision = decided, status = CaseQueries.Status(Domain.Events.Fold<PerformanceCase>.Apply(c, decided!)!) });
    }

    /// <summary>Decisions that change the employment itself are also facts of the employee's stream.</summary>
    private static IEnumerable<object> EmployeeConsequences(object decided, Actor actor, DateTimeOffset now)
    {
        switch (decided)
        {
            case EmployeeReassigned r:
                yield return new PostChanged(r.EmployeeId, r.FromPostId, r.ToPostId, r.EffectiveOn, r.CaseId, actor.UserId, now);
                if (r.NewMonthlySalary != r.PreviousMonthlySalary)
                    yield return new SalaryChanged(r.EmployeeId, r.PreviousMonthlySalary, r.NewMonthlySalary, r.EffectiveOn, r.PayBasis,
                        r.ConsentRef, r.CaseId, actor.UserId, now);
                break;
            case PayAdjusted p:
                yield return new SalaryChanged(p.EmployeeId, p.PreviousMonthlySalary, p.NewMonthlySalary, p.EffectiveOn, "signed-agreement",
                    p.ConsentRef, p.CaseId, actor.UserId, now);
                break;
            case EmploymentTerminated t:
                yield return new EmploymentEnded(t.EmployeeId, "termination-art40-2", t.EffectiveOn, t.Reason, t.CaseId, actor.UserId, now);
                break;
        }
    }

    private static (object?, Refusal?) Unpack<T>(Result<T> result) => (result.Value, result.Refusal);
}
