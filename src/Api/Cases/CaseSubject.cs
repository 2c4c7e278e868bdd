using EventHr.Domain.Cases;
using EventHr.Domain.Common;
using EventHr.Domain.Law;
using EventHr.Domain.Law.Figures;
using EventHr.Domain.Law.Wages;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using Marten;

namespace EventHr.Api.Cases;

/// <summary>
/// Whom a case command concerns: the employee as the profile stands, and the time zone of their
/// brand, which decides what "today" and a plan's last day mean (business dates are the brand's).
/// </summary>
/// <param name="Employee">the employee as the profile stands</param>
/// <param name="TimeZone">the brand's time zone, which decides the business day</param>
/// <param name="Figures">the published figures of the employee's city, if any were recorded</param>
/// <param name="WagesDue">the wages payroll says were due</param>
public sealed record CaseSubject(Employee Employee, string TimeZone, LawFigureBook? Figures = null, IReadOnlyList<WageDue>? WagesDue = null)
{
    /// <summary>The law a decision on this employee is judged by: the rules, the city's figures and the wages due.</summary>
    public LawInForce Law(LawSettings settings) => new(settings, Figures, WagesDue ?? []);

    /// <summary>Every case command's stream: "case:{caseId}" from the route's caseId.</summary>
    public static string Stream(string caseId) => PerformanceCase.StreamKey(caseId);

    public DateOnly Today(TimeProvider clock) => Infrastructure.BusinessDates.Today(clock, TimeZone);

    /// <summary>A case always names an employee that was hired (cases open from their tallies).</summary>
    public static async Task<CaseSubject> LoadAsync(PerformanceCase @case, IDocumentSession session, CancellationToken ct)
    {
        var employee = await session.LoadAsync<Employee>(StreamKeys.Employee(@case.EmployeeId), ct)
                       ?? throw new InvalidOperationException($"case {@case.CaseId} names employee {@case.EmployeeId}, who is not on file");
        var brand = await session.LoadAsync<Brand>(StreamKeys.Brand(employee.BrandId), ct);
        var (figures, wages) = await Api.Law.EmployeeLaw.LoadRecordsAsync(employee, session, ct);
        return new CaseSubject(employee, brand?.TimeZone ?? Brand.DefaultTimeZone, figures, wages);
    }
}
