using EventHr.Domain.Cases;
using EventHr.Domain.Law.Figures;
using EventHr.Domain.Law.Wages;

namespace EventHr.Domain.Law;

/// <summary>What the severance of one employment is computed from.</summary>
/// <param name="ServiceFrom">the first day of service counted: the hire date, earlier by service with affiliated employers (Regs art. 10)</param>
/// <param name="HiredOn">the first day with this employer, from which its wages are due</param>
/// <param name="LastDay">the last day of employment (it counts)</param>
/// <param name="WagesDue">payroll's wages due (base, bonus, allowances) by month</param>
/// <param name="ContractSalaryOn">the contract's monthly rate on a day, used only when payroll has no month</param>
public sealed record SeveranceFacts(DateOnly ServiceFrom, DateOnly HiredOn, DateOnly LastDay, IReadOnlyList<WageDue> WagesDue,
    Func<DateOnly, decimal> ContractSalaryOn, CityFigures Figures);

/// <summary>A computed severance, or the figures it cannot be computed without.</summary>
public sealed record SeveranceOutcome(SeveranceCalculation? Calculation, IReadOnlyList<string> Missing)
{
    public const string FigureMissing = "g9-law-figure-missing";

    /// <summary>The 422 of a decision that owes compensation it cannot compute: it names the missing figures.</summary>
    public Common.Refusal Refusal(string owed) =>
        new(Common.RefusalKind.LegalGuard, $"{owed} needs the city's published figures: {string.Join("; ", Missing)}", FigureMissing, Missing);
}

/// <summary>
/// G9, Labour Contract Law art. 47 and Regs art. 27: one month's wage per full year of service; a remainder of six
/// months or more counts as a year, less than six months as half a month; the last day of employment counts. The
/// month's wage is the average monthly wage due (base, bonus, allowances) over the 12 full months before the end (the
/// months worked, when fewer), never below the city's minimum wage; above 3× the city's previous-year average monthly
/// wage it is capped at 3× and the years at 12. Service before 2008-01-01 follows the rule of its time (art. 97):
/// one month per year, a part year as a year, at most 12 (<c>LawSettings.SplitServiceBefore2008</c>).
/// </summary>
public static class Severance
{
    private static readonly DateOnly LawInForce = new(2008, 1, 1);

    public static SeveranceOutcome Calculate(SeveranceFacts f, LawSettings law)
    {
        var missing = f.Figures.Missing(f.LastDay);
        if (missing.Count > 0) return new SeveranceOutcome(null, missing);
        var minimum = f.Figures.MinimumWage!.Amount;
        var cityAverage = f.Figures.AverageWage!.Amount;

        var (average, wagesFrom) = AverageMonthlyWageDue(f);
        var floored = Math.Max(average, minimum);
        var capped = floored > law.SeveranceCapMultiple * cityAverage;
        var baseWage = capped ? law.SeveranceCapMultiple * cityAverage : floored;

        var split = law.SplitServiceBefore2008 && f.ServiceFrom < LawInForce;
        var before = split ? ServiceLength.Span(f.ServiceFrom, Min(LawInForce, f.LastDay.AddDays(1))) : default;
        var since = ServiceLength.Worked(split ? Max(f.ServiceFrom, LawInForce) : f.ServiceFrom, f.LastDay);
        decimal oldMonths = split ? Math.Min(law.SeveranceCapYears, before.Years + (before.Months > 0 || before.Days > 0 ? 1 : 0)) : 0m;
        decimal newMonths = since.Years + (since.Months >= 6 ? 1m : since.Months > 0 || since.Days > 0 ? 0.5m : 0m);
        var yearsCapped = capped && newMonths > law.SeveranceCapYears;
        if (yearsCapped) newMonths = law.SeveranceCapYears;

        var amount = Math.Round(oldMonths * floored + newMonths * baseWage, 2);
        var total = ServiceLength.Worked(f.ServiceFrom, f.LastDay);
        var explanation = (split ? $"{oldMonths} × {floored:0.00} for service before 2008 ({before}, art. 97) + " : "")
            + $"{newMonths} × {baseWage:0.00} = {amount:0.00}; service {total} to {f.LastDay:yyyy-MM-dd} (the last day counts)"
            + $"; month's wage {average:0.00} from {wagesFrom}"
            + (floored > average ? $", raised to {f.Figures.City}'s minimum wage {minimum:0.00}" : "")
            + (capped ? $"; base capped at {law.SeveranceCapMultiple} × {f.Figures.City}'s average {cityAverage:0.00}" : "")
            + (yearsCapped ? $"; years capped at {law.SeveranceCapYears}" : "");
        var figures = new[] { f.Figures.MinimumWage, f.Figures.AverageWage }
            .Select(x => $"{x!.Kind} {x.City} {x.Amount:0.00} from {x.EffectiveFrom:yyyy-MM-dd} ({x.Source})").ToList();
        return new SeveranceOutcome(new SeveranceCalculation(average, cityAverage, baseWage, capped, total.Years, total.Months,
            oldMonths + newMonths, yearsCapped, amount, explanation, minimum, oldMonths, wagesFrom, figures), []);
    }

    /// <summary>
    /// The average monthly wage due over the 12 full calendar months before the end (a month cut short by the hire or
    /// the end does not weigh as a whole one); from payroll where it has those months, else the contract rate, said so.
    /// </summary>
    public static (decimal Average, string From) AverageMonthlyWageDue(SeveranceFacts f)
    {
        var end = f.LastDay.AddDays(1);
        var lastFull = new DateOnly(end.Year, end.Month, 1).AddMonths(-1);
        var months = new List<DateOnly>();
        for (var m = lastFull; months.Count < 12 && m >= f.HiredOn; m = m.AddMonths(-1)) months.Add(m);
        if (months.Count == 0)
        {
            // Less than one full month worked: the wages due for the days worked, or the contract rate.
            var rows = f.WagesDue.Where(w => w.LastDay >= f.HiredOn && w.FirstDay <= f.LastDay).ToList();
            return rows.Count > 0
                ? (Math.Round(rows.Average(w => w.Total), 2), $"payroll ({rows.Count} part month)")
                : (f.ContractSalaryOn(f.LastDay), "the contract rate (no payroll month)");
        }
        var due = months.Select(m => f.WagesDue.FirstOrDefault(w => w.Year == m.Year && w.Month == m.Month)).Where(w => w is not null).ToList();
        if (due.Count > 0)
            return (Math.Round(due.Average(w => w!.Total), 2),
                $"payroll, {due.Count} of {months.Count} months {months[^1]:yyyy-MM}..{months[0]:yyyy-MM}"
                + (due.Count < months.Count ? " (months without a payroll row left out)" : ""));
        return (Math.Round(months.Average(m => f.ContractSalaryOn(m.AddMonths(1).AddDays(-1))), 2),
            $"the contract rate over {months.Count} months {months[^1]:yyyy-MM}..{months[0]:yyyy-MM} (no payroll rows)");
    }

    /// <summary>Regs art. 20: pay in lieu of notice is the previous month's wage (wages due then, else the contract rate).</summary>
    public static (decimal Amount, string From) PayInLieu(DateOnly servedOn, DateOnly hiredOn, IReadOnlyList<WageDue> wagesDue, Func<DateOnly, decimal> contractSalaryOn)
    {
        var previous = new DateOnly(servedOn.Year, servedOn.Month, 1).AddMonths(-1);
        if (wagesDue.FirstOrDefault(w => w.Year == previous.Year && w.Month == previous.Month) is { } row)
            return (row.Total, $"wages due for {previous:yyyy-MM}");
        var day = previous.AddMonths(1).AddDays(-1);
        return day < hiredOn
            ? (contractSalaryOn(servedOn), "the contract rate (hired this month)")
            : (contractSalaryOn(day), $"the contract rate of {previous:yyyy-MM} (no payroll row)");
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
