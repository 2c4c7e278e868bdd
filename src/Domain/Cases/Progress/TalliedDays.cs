using EventHr.Domain.Cases.Assessment;
using EventHr.Domain.Cases.Opening;
using EventHr.Domain.Cases.Plans;
using EventHr.Domain.Events;
using EventHr.Domain.Rules;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Cases.Progress;

/// <summary>
/// One employee's part of a tally batch, as loaded: the days to look at (in date order), the tallied
/// days behind them, the case open now, and the plan period's figures when it may be assessed.
/// </summary>
public sealed record TalliedEmployee(Employee Employee, IReadOnlyList<DateOnly> Days, IReadOnlyList<DayFigures> History,
    PerformanceCase? OpenCase, PlanPeriod? Period);

/// <summary>A plan period's tallied days and the source ids of the rows behind them (the evidence of the assessment).</summary>
public sealed record PlanPeriod(IReadOnlyList<DayFigures> Days, IReadOnlyList<string> SourceIds);

/// <summary>The warning days whose same brand × post figures a new case's diagnosis compares with.</summary>
public sealed record PeerWindow(string BrandId, string PostId, DateOnly From, DateOnly To);

/// <summary>What opening a case needs beyond the employee's own figures: the peers' figures and the number of earlier cases.</summary>
public sealed record OpeningFacts(PipDrafting.PeerReference Peers, int EarlierCases);

/// <summary>
/// The events decided for one employee (<see cref="Opens"/>: they start the case's stream), or, when a
/// case would open and its <see cref="OpeningFacts"/> were not given, the window to load them for.
/// </summary>
public sealed record TalliedOutcome(string? CaseId, bool Opens, IReadOnlyList<object> Events, PeerWindow? NeedsOpeningFacts)
{
    public static readonly TalliedOutcome Nothing = new(null, false, [], null);
}

/// <summary>
/// The rules' day step, as tallies land: for each day, in order and on the case as decided so far,
/// the early-warning rule runs; a breach opens a case (once), a new pattern attaches to the open case,
/// and a plan period whose last day is tallied is assessed. Pure: the caller loads, this decides.
/// </summary>
public static class TalliedDays
{
    public static TalliedOutcome Decide(TalliedEmployee input, Func<string, string, Standard?> standardOf, Func<string, string, RuleSettings> rulesOf,
        Func<PeerWindow, OpeningFacts?> openingFacts, DateTimeOffset now, Func<string, string, bool>? underReview = null)
    {
        var employee = input.Employee;
        if (employee.EndedOn is not null) return TalliedOutcome.Nothing;
        var current = input.OpenCase;
        var (events, opens) = (new List<object>(), false);
        foreach (var date in input.Days)
        {
            var days = input.History.Where(d => d.Date <= date).ToList();
            if (days.Count == 0 || days[^1].Date != date) continue;
            var postId = employee.PostOn(date);
            var rules = rulesOf(employee.BrandId, postId);
            var breaches = LowPerformanceRule.Evaluate(days, standardOf(employee.BrandId, postId), rules);
            IReadOnlyList<object> step;
            if (current is { IsOpen: true } open) step = Progress(open, breaches, date, input.Period, rules, now, underReview);
            else if (breaches.Count > 0 && current is null)
            {
                var window = days.Where(d => breaches.Any(b => b.Dates.Contains(d.Date))).ToList();
                var peerWindow = new PeerWindow(employee.BrandId, employee.PostOn(window[^1].Date), window[0].Date, window[^1].Date);
                if (openingFacts(peerWindow) is not { } facts) return new TalliedOutcome(null, false, [], peerWindow);
                step = CaseOpening.Open(CaseOpening.CaseIdFor(employee.EmployeeId, facts.EarlierCases + 1), employee, breaches, window,
                    facts.Peers, rules, now);
                opens = true;
            }
            else continue;
            foreach (var e in step) current = Fold<PerformanceCase>.Apply(current, e);
            events.AddRange(step);
        }
        return events.Count == 0 ? TalliedOutcome.Nothing : new TalliedOutcome(current!.CaseId, opens, events, null);
    }

    /// <summary>
    /// An open case hears of a new breach pattern, and is assessed when its plan period's last day has
    /// been tallied (with the period's figures, which the caller loads when that may happen).
    /// </summary>
    private static IReadOnlyList<object> Progress(PerformanceCase open, IReadOnlyList<Breach> breaches, DateOnly date, PlanPeriod? period,
        RuleSettings rules, DateTimeOffset now, Func<string, string, bool>? underReview)
    {
        var events = new List<object>();
        if (breaches.Count > 0 && CaseOpening.Attach(open, breaches, now) is { } attached)
        {
            events.Add(attached);
            open = open.Apply(attached);
        }
        if (period is not null && open is { Status: CaseStatus.PlanActive, Plan: { } plan } && plan.IsEndedBy(date))
            events.AddRange(PeriodEnd.OnTallied(open, date, period.Days, period.SourceIds, rules, now,
                underReview?.Invoke(open.Plan!.BrandId, open.Plan.PostId) ?? false));
        return events;
    }

    /// <summary>Whether a plan period may be assessed by the days of this batch, so the caller loads its figures.</summary>
    public static bool MayAssess(PerformanceCase? open, IReadOnlyList<DateOnly> days) =>
        open is { Status: CaseStatus.PlanActive, Plan: { } plan } && days.Count > 0 && plan.IsEndedBy(days[^1]);
}
