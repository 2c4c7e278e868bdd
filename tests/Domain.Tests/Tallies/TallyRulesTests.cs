using EventHr.Domain.Kpi;
using EventHr.Domain.Tallies;

namespace EventHr.Domain.Tests.Tallies;

public class TallyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly TallyRules.EmployeeFacts Hired = new(new DateOnly(2026, 11, 1));

    private static TallyRow Row(RawMetrics? m = null, string date = "2026-11-02", string? corrects = null) =>
        new("src-1", "E1001", DateOnly.Parse(date), m ?? new RawMetrics(Orders: 3, Visitors: 150), corrects);

    public static TheoryData<TallyRow, string> BadRows => new()
    {
        { Row(new RawMetrics(Orders: -1)), "metrics.orders" },
        { Row(new RawMetrics(Visitors: -3)), "metrics.visitors" },
        { Row(new RawMetrics(Revenue: -0.01m)), "metrics.revenue" },
        { Row(new RawMetrics(Csat: 100.5m)), "metrics.csat" },
        { Row(new RawMetrics(Csat: -1m)), "metrics.csat" },
        { Row(new RawMetrics(Orders: 2, RepeatOrders: 3)), "metrics.repeatOrders" },
        { Row(new RawMetrics(AvgResponseSeconds: -5)), "metrics.avgResponseSeconds" },
        { Row(date: "2026-10-31"), "date" },
        { Row(date: "2026-11-28"), "date" },
        { Row(corrects: "src-1"), "corrects" },
    };

    [Theory, MemberData(nameof(BadRows))]
    public void a_bad_row_names_the_field_at_fault(TallyRow row, string field)
    {
        var errors = TallyRules.Check(row, Hired, Today).ToDictionary();

        errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public void a_row_for_an_unknown_employee_is_refused()
    {
        TallyRules.Check(Row(), null, Today).ToDictionary().Keys.ShouldContain("employeeId");
    }

    [Fact]
    public void a_row_after_the_employment_ended_is_refused()
    {
        var ended = new TallyRules.EmployeeFacts(new DateOnly(2026, 11, 1), EndedOn: new DateOnly(2026, 11, 10));

        TallyRules.Check(Row(date: "2026-11-11"), ended, Today).ToDictionary()["date"][0].ShouldContain("ended");
        TallyRules.Check(Row(date: "2026-11-10"), ended, Today).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void a_complete_row_within_the_bounds_passes()
    {
        var row = Row(new RawMetrics(3, 150, 960m, 0, 400, 41m, 100m, 35m), date: "2026-11-27");

        TallyRules.Check(row, Hired, Today).IsEmpty.ShouldBeTrue();
    }
}
