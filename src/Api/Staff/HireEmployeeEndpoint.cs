using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace EventHr.Api.Staff;

public static class HireEmployeeEndpoint
{
    /// <summary>Records a hire with its contract terms; the employee id is the customer's own and must be new.</summary>
    [WolverinePost("/api/employees", OperationId = "hireEmployee"), Authorize(Roles = Roles.MasterData)]
    [Tags("Employees")]
    public static async Task<IResult> Post(HireEmployee body, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = Hiring.Validate(body);
        if (errors.IsEmpty)
        {
            if (await session.LoadAsync<Brand>(StreamKeys.Brand(body.BrandId!), ct) is null) errors.Add("brandId", $"unknown brand '{body.BrandId}'");
            if (await session.LoadAsync<Post>(StreamKeys.Post(body.PostId!), ct) is null) errors.Add("postId", $"unknown post '{body.PostId}'");
        }
        if (!errors.IsEmpty) return Problems.Invalid(errors);

        var key = StreamKeys.Employee(body.EmployeeId!);
        if (await session.Events.FetchStreamStateAsync(key, ct) is not null)
            return Problems.Conflict($"employee '{body.EmployeeId}' already exists");

        session.Events.StartStream<Employee>(key, Hiring.Decide(body, user.ActorFor(Roles.Hr, Roles.Admin), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        var employee = await session.LoadAsync<Employee>(key, ct);
        return Results.Created($"/api/employees/{body.EmployeeId}", employee);
    }
}
