using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Standards;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace EventHr.Api.Cases;

public static class PipEndpoints
{
    /// <summary>Sets the plan: accepts or amends the drafted one, or sets the second assessment after a remedy.</summary>
    [WolverinePost("/api/cases/{caseId}/pip", OperationId = "setPip"), Authorize(Roles = Roles.CaseWork)]
    [Tags("Cases")]
    public static async Task<IResult> Set(string caseId, SetPip body, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = PlanDecisions.Validate(body);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        return await CaseStreams.Decide(session, caseId, async loaded =>
        {
            var post = loaded.Employee.PostOn(body.From!.Value);
            var standard = await session.LoadAsync<Standard>(StreamKeys.Standard(loaded.Employee.BrandId, post), ct);
            return PlanDecisions.Set(loaded.Case, loaded.Employee, standard, body, user.ActorFor(Roles.Hr, Roles.Manager), clock.GetUtcNow());
        }, ct);
    }

    /// <summary>
    /// The plan takes effect: the employee acknowledges it (role employee), or HR records a witnessed
    /// refusal (role hr, with <c>witness</c>). Refused (422) unless the standard in force was acknowledged (G1).
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/pip/acknowledgement", OperationId = "acknowledgePip"), Authorize(Roles = Roles.Acknowledge)]
    [Tags("Cases")]
    public static async Task<IResult> Acknowledge(string caseId, AcknowledgePip? body, IDocumentSession session, IMessageBus bus,
        ClaimsPrincipal user, TimeProvider clock, CaseSettings settings, CancellationToken ct)
    {
        var (loaded, problem) = await CaseStreams.Load(session, caseId, ct);
        if (loaded is null) return problem!;
        var bySelf = user.EmployeeIdClaim() == loaded.Case.EmployeeId && user.IsInRole(Roles.Employee);
        if (!bySelf && !user.IsInRole(Roles.Hr) && !user.IsInRole(Roles.Admin))
            return Problems.Forbidden("only the employee, or HR recording a witnessed refusal, may acknowledge a plan");
        var plan = loaded.Case.Plan;
        var standard = plan is null ? null
            : await session.LoadAsync<Standard>(StreamKeys.Standard(loaded.Employee.BrandId, loaded.Employee.PostOn(plan.From)), ct);
        var now = clock.GetUtcNow();
        var decision = PlanDecisions.Acknowledge(loaded.Case, loaded.Employee, standard, body ?? new AcknowledgePip(null), bySelf,
            bySelf ? user.ActorFor(Roles.Employee) : user.ActorFor(Roles.Hr, Roles.Admin), now);
        if (!decision.IsOk) return Problems.From(decision.Refusal!);
        loaded.Stream.AppendOne(decision.Value!);
        var brand = await session.LoadAsync<Brand>(StreamKeys.Brand(loaded.Employee.BrandId), ct);
        await PlanDeadline.Schedule(bus, loaded.Case.Apply(decision.Value!), brand?.TimeZone ?? Brand.DefaultTimeZone, settings, now);
        await session.SaveChangesAsync(ct);
        return Results.Ok(decision.Value);
    }
}
