using System.Security.Claims;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Law.Figures;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace EventHr.Api.Law.Figures;

public static class RecordLawFigureEndpoint
{
    public static string Stream(RecordLawFigure body) => LawFigureBook.StreamKey(body.City ?? "");

    /// <summary>A city's published figures bind every brand employing there: group HR's, like the posts.</summary>
    public static ProblemDetails Before(ClaimsPrincipal user) => Scopes.GroupOnly(user, "Law figures");

    public static ProblemDetails Validate(RecordLawFigure body) => LawFigures.Validate(body).ToProblem();

    /// <summary>
    /// Records a city's published minimum monthly wage or previous-year average monthly wage, in force from a date, with
    /// its source. Decisions use the figure in force on their date and record it; repeating the same figure records nothing.
    /// </summary>
    [WolverinePost("/api/law-figures", OperationId = "recordLawFigure"), Authorize(Roles = Roles.MasterData), Tags("Employment law")]
    [ProducesResponseType<LawFigureBook>(200)]
    public static (IResult, Events) Post(RecordLawFigure body, [WriteAggregate(FromMethod = nameof(Stream), Required = false)] LawFigureBook? book,
        ClaimsPrincipal user, TimeProvider clock) =>
        Responses.Revision(book, LawFigures.Decide(book, body with { City = body.City!.Trim().ToLowerInvariant() }, user.ActorFor(Roles.Hr, Roles.Admin),
            clock.GetUtcNow()));
}

public static class LawFigureQueries
{
    /// <summary>Lists a city's published figures with their effective dates and sources (every city without one).</summary>
    [WolverineGet("/api/law-figures", OperationId = "listLawFigures"), Authorize(Roles = Roles.ReadStaff), Tags("Employment law")]
    [ProducesResponseType<IReadOnlyList<LawFigure>>(200)]
    public static async Task<IReadOnlyList<LawFigure>> Get(string? city, IQuerySession session, CancellationToken ct)
    {
        var books = city is null
            ? await session.Query<LawFigureBook>().ToListAsync(ct)
            : (await session.LoadAsync<LawFigureBook>(LawFigureBook.StreamKey(city.Trim()), ct)) is { } one ? [one] : [];
        return books.SelectMany(b => b.Figures).OrderBy(f => f.City).ThenBy(f => f.Kind).ThenBy(f => f.EffectiveFrom).ToList();
    }
}
