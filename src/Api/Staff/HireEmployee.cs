using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Staff;

public static class HireEmployeeEndpoint
{
    /// <summary>The fields, then the brand and post named, then that the employee id is new.</summary>
    public static async Task<ProblemDetails> ValidateAsync(HireEmployee body, IDocumentSession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Hiring.Validate(body);
        if (!errors.IsEmpty) return errors.ToProblem();
        // A brand outside the caller's scope is as unknown as one that does not exist.
        if (!user.Scope().ManagesStaffOf(body.BrandId!) || await session.LoadAsync<Brand>(StreamKeys.Brand(body.BrandId!), ct) is null)
            errors.Add("brandId", $"unknown brand '{body.BrandId}'");
        if (await session.LoadAsync<Post>(StreamKeys.Post(body.PostId!), ct) is null) errors.Add("postId", $"unknown post '{body.PostId}'");
        if (!errors.IsEmpty) return errors.ToProblem();
        return await session.Events.FetchStreamStateAsync(StreamKeys.Employee(body.EmployeeId!), ct) is null
            ? Wolverine.Http.WolverineContinue.NoProblems
            : Responses.Conflict($"employee '{body.EmployeeId}' already exists");
    }

    /// <summary>Records a hire with its contract terms; the employee id is the customer's own and must be new.</summary>
    [WolverinePost("/api/employees", OperationId = "hireEmployee"), Authorize(Roles = Roles.MasterData)]
    [Tags("Employees"), ProducesResponseType<Employee>(201)]
    public static (IResult, IStartStream) Post(HireEmployee body, ClaimsPrincipal user, TimeProvider clock)
    {
        var hired = Hiring.Decide(body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow());
        // A race with another hire of the same id ends at the stream's unique key (409).
        return (Results.Created($"/api/employees/{body.EmployeeId}", Employee.Create(hired)),
            MartenOps.StartStream<Employee>(StreamKeys.Employee(body.EmployeeId!), hired));
    }
}
