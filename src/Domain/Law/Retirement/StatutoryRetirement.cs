namespace EventHr.Domain.Law.Retirement;

public enum Gender { Male, Female }

/// <summary>Which original retirement age a woman had: 55 for cadres (管理和技术岗位), 50 for workers (生产岗位).</summary>
public enum RetirementCategory { Worker, Cadre }

/// <summary>
/// G14: the statutory retirement date under the Standing Committee's decision of 2024-09-13 on gradually raising the
/// statutory retirement age (in force 2025-01-01). Men: 60 → 63, one month later for every 4 months of birth from
/// January 1965 (63 from births of September 1976). Women cadres: 55 → 58, every 4 months from January 1970 (58
/// from September 1981). Women workers: 50 → 55, every 2 months from January 1975 (55 from November 1984). Those
/// born before the first month keep the original age. The date is the birthday at that age in years and months.
/// </summary>
public static class StatutoryRetirement
{
    private sealed record Schedule(int OriginalYears, DateOnly FirstBirthMonth, int BirthMonthsPerStep, int MaxDelayMonths);

    private static readonly Schedule Men = new(60, new DateOnly(1965, 1, 1), 4, 36);
    private static readonly Schedule WomenCadres = new(55, new DateOnly(1970, 1, 1), 4, 36);
    private static readonly Schedule WomenWorkers = new(50, new DateOnly(1975, 1, 1), 2, 60);

    /// <summary>The age in months at which a person born then retires.</summary>
    public static int AgeInMonths(DateOnly birthDate, Gender gender, RetirementCategory? category)
    {
        var schedule = For(gender, category);
        var monthsSinceFirst = (birthDate.Year - schedule.FirstBirthMonth.Year) * 12 + birthDate.Month - schedule.FirstBirthMonth.Month;
        var delay = monthsSinceFirst < 0 ? 0 : Math.Min(schedule.MaxDelayMonths, monthsSinceFirst / schedule.BirthMonthsPerStep + 1);
        return schedule.OriginalYears * 12 + delay;
    }

    /// <summary>The day the person reaches the statutory retirement age (a 29 February birthday falls on the 28th).</summary>
    public static DateOnly On(DateOnly birthDate, Gender gender, RetirementCategory? category) =>
        birthDate.AddMonths(AgeInMonths(birthDate, gender, category));

    /// <summary>Men have one schedule; a woman's category decides hers (never guessed: hiring requires it).</summary>
    private static Schedule For(Gender gender, RetirementCategory? category) => gender switch
    {
        Gender.Male => Men,
        _ => category switch
        {
            RetirementCategory.Cadre => WomenCadres,
            RetirementCategory.Worker => WomenWorkers,
            _ => throw new ArgumentException("a woman's statutory retirement age depends on her retirement category (worker or cadre)", nameof(category))
        }
    };
}
