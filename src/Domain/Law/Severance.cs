using EventHr.Domain.Cases;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Law;

/// <summary>
/// G9, Labour Contract Law art. 47: one month's wage per full year of service; a remainder of six
/// months or more counts as a year, less than six months as half a month. The base is the average
/// monthly wage of the last 12 months; above 3× the local average wage the base is capped at 3× and
/// the years at 12.
/// </summary>
public static class Severance
{
    public static SeveranceCalculation Calculate(Employee employee, DateOnly endsOn, LawSettings law)
    {
        var average = AverageMonthlyWage(employee, endsOn);
        var city = law.CityAverageOn(employee.Region, endsOn);
        var capped = city is not null && average > law.SeveranceCapMultiple * city.Value;
        var baseWage = capped ? law.SeveranceCapMultiple * city!.Value : average;

        var (years, months, days) = Service(employee.HiredOn, endsOn);
        var yearsCapped = capped && years >= law.SeveranceCapYears;
        decimal count = yearsCapped ? law.SeveranceCapYears : years + (months >= 6 ? 1m : months > 0 || days > 0 ? 0.5m : 0m);
        var amount = Math.Round(baseWage * count, 2);
        var explanation = $"{count} × {baseWage:0.00} = {amount:0.00}; service {years} y {months} m"
            + (capped ? $"; base capped at {law.SeveranceCapMultiple} × local average {city:0.00}" : "")
            + (yearsCapped ? $"; years capped at {law.SeveranceCapYears}" : "");
        return new SeveranceCalculation(average, city, baseWage, capped, years, months, count, yearsCapped, amount, explanation);
    }

    /// <summary>Average monthly wage over the last 12 months of employment (or since hire, if shorter), month by month.</summary>
    public static decimal AverageMonthlyWage(Employee employee, DateOnly endsOn)
    {
        var months = new List<decimal>();
        var month = new DateOnly(endsOn.Year, endsOn.Month, 1);
        for (var i = 0; i < 12; i++, month = month.AddMonths(-1))
        {
            var lastDay = month.AddMonths(1).AddDays(-1);
            if (lastDay < employee.HiredOn) break;
            months.Add(employee.MonthlySalaryOn(lastDay > endsOn ? endsOn : lastDay));
        }
        return months.Count == 0 ? employee.MonthlySalaryOn(endsOn) : Math.Round(months.Average(), 2);
    }

    /// <summary>Full years, remaining whole months and remaining days from hire to the end date.</summary>
    public static (int Years, int Months, int Days) Service(DateOnly hiredOn, DateOnly endsOn)
    {
        var totalMonths = (endsOn.Year - hiredOn.Year) * 12 + endsOn.Month - hiredOn.Month;
        if (hiredOn.AddMonths(totalMonths) > endsOn) totalMonths--;
        totalMonths = Math.Max(0, totalMonths);
        var days = endsOn.DayNumber - hiredOn.AddMonths(totalMonths).DayNumber;
        return (totalMonths / 12, totalMonths % 12, Math.Max(0, days));
    }
}
