using EventHr.Domain.Common;

namespace EventHr.Domain.Law.Figures;

/// <summary>The figures a city publishes that the law refers to: its minimum monthly wage and its previous year's average monthly wage.</summary>
public enum LawFigureKind { MinimumMonthlyWage, AverageMonthlyWage }

/// <summary>A published figure in force from a date, with where it was published (G9: dated master data, never a setting).</summary>
public sealed record LawFigure(string City, LawFigureKind Kind, DateOnly EffectiveFrom, decimal Amount, string Source);

/// <summary>HR recorded a city's published figure.</summary>
public sealed record LawFigureRecorded(string City, LawFigureKind Kind, DateOnly EffectiveFrom, decimal Amount, string Source,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <param name="Kind">minimumMonthlyWage or averageMonthlyWage</param>
public sealed record RecordLawFigure(string? City, LawFigureKind? Kind, DateOnly? EffectiveFrom, decimal? Amount, string? Source);

/// <summary>One city's figures over time (stream <c>law-figures:{city}</c>): a later record for the same kind and date replaces it.</summary>
public sealed record LawFigureBook(string Id, string City, IReadOnlyList<LawFigure> Figures)
{
    public static string StreamKey(string city) => $"law-figures:{city.ToLowerInvariant()}";

    public static LawFigureBook Create(LawFigureRecorded e) => new(StreamKey(e.City), e.City, [ToFigure(e)]);

    public LawFigureBook Apply(LawFigureRecorded e) => this with
    {
        Figures = [.. Figures.Where(f => f.Kind != e.Kind || f.EffectiveFrom != e.EffectiveFrom), ToFigure(e)]
    };

    /// <summary>The figure of a kind in force on a date: the latest published on or before it.</summary>
    public LawFigure? InForce(LawFigureKind kind, DateOnly date) =>
        Figures.Where(f => f.Kind == kind && f.EffectiveFrom <= date).MaxBy(f => f.EffectiveFrom);

    private static LawFigure ToFigure(LawFigureRecorded e) => new(e.City, e.Kind, e.EffectiveFrom, e.Amount, e.Source);
}

public static class LawFigures
{
    public static FieldErrors Validate(RecordLawFigure cmd)
    {
        var errors = new FieldErrors();
        Ids.Require(errors, cmd.City, "city");
        errors.Require(cmd.Kind is not null, "kind", "must be minimumMonthlyWage or averageMonthlyWage");
        errors.Require(cmd.EffectiveFrom is not null, "effectiveFrom", "is required (yyyy-MM-dd)");
        if (cmd.Amount is null) errors.Add("amount", "is required");
        else errors.Require(cmd.Amount is > 0 and < 1_000_000m, "amount", "must be a monthly amount greater than 0");
        errors.RequireText(cmd.Source, "source", 500);
        return errors;
    }

    /// <summary>The same figure recorded again records nothing.</summary>
    public static LawFigureRecorded? Decide(LawFigureBook? book, RecordLawFigure cmd, Actor actor, DateTimeOffset now)
    {
        var existing = book?.Figures.FirstOrDefault(f => f.Kind == cmd.Kind && f.EffectiveFrom == cmd.EffectiveFrom);
        if (existing is not null && existing.Amount == cmd.Amount && existing.Source == cmd.Source!.Trim()) return null;
        return new LawFigureRecorded(cmd.City!, cmd.Kind!.Value, cmd.EffectiveFrom!.Value, cmd.Amount!.Value, cmd.Source!.Trim(), actor.UserId, now);
    }
}

/// <summary>The figures a decision needs for an employee's city on its date, and which are missing (a decision then is refused).</summary>
public sealed record CityFigures(string? City, LawFigure? MinimumWage, LawFigure? AverageWage)
{
    public static CityFigures For(string? city, LawFigureBook? book, DateOnly date) =>
        new(city, book?.InForce(LawFigureKind.MinimumMonthlyWage, date), book?.InForce(LawFigureKind.AverageMonthlyWage, date));

    public IReadOnlyList<string> Missing(DateOnly date) => City is null
        ? ["the employee's city (whose minimum and average wages apply) is not recorded"]
        : [
            .. MinimumWage is null ? [$"minimumMonthlyWage of {City} in force on {date:yyyy-MM-dd}"] : Array.Empty<string>(),
            .. AverageWage is null ? [$"averageMonthlyWage of {City} in force on {date:yyyy-MM-dd}"] : Array.Empty<string>()
        ];
}
