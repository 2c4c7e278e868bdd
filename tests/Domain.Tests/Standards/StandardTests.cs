using EventHr.Domain.Common;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Tests.Standards;

public class StandardTests
{
    private static readonly Actor Hr = new("hr-li", "hr");
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 11, 1);

    private static PublishStandard Publish(string from, decimal target) =>
        new("mid", "cs", DateOnly.Parse(from), new Dictionary<string, MetricTargetInput>
        {
            ["avgResponseSeconds"] = new(target, "atMost")
        });

    [Fact]
    public void a_publication_dated_before_today_names_the_notice_that_made_it_known()
    {
        var backDated = Publish("2026-11-10", 30) with { PublishedOn = new DateOnly(2026, 10, 25) };

        Standard.Decide(null, backDated, Hr, Now, Today).Refusal!.Errors!.ToDictionary().Keys.ShouldBe(["publicationRef"]);
        Standard.Decide(null, backDated with { PublicationRef = "公示通知 2026-10 第3号" }, Hr, Now, Today).Value!.PublicationRef.ShouldBe("公示通知 2026-10 第3号");
        Standard.Decide(null, Publish("2026-11-10", 30), Hr, Now, Today).Value!.PublishedOn.ShouldBe(Today);   // today needs none
    }

    [Fact]
    public void versions_number_from_one_and_close_the_previous_range()
    {
        var v1 = Standard.Decide(null, Publish("2026-11-01", 30), Hr, Now, Today).Value!;
        var standard = Standard.Create(v1);
        var v2 = Standard.Decide(standard, Publish("2026-11-16", 45), Hr, Now, Today).Value!;
        standard = standard.Apply(v2);

        v1.Version.ShouldBe(1);
        v2.Version.ShouldBe(2);
        standard.Versions[0].EffectiveUntil.ShouldBe(new DateOnly(2026, 11, 15));
        standard.InForceOn(new DateOnly(2026, 11, 15))!.Version.ShouldBe(1);
        standard.InForceOn(new DateOnly(2026, 11, 16))!.Version.ShouldBe(2);
        standard.InForceOn(new DateOnly(2026, 10, 31)).ShouldBeNull();
    }

    [Fact]
    public void a_version_may_not_start_on_or_before_the_latest_one()
    {
        var standard = Standard.Create(Standard.Decide(null, Publish("2026-11-10", 30), Hr, Now, Today).Value!);

        var result = Standard.Decide(standard, Publish("2026-11-10", 45), Hr, Now, Today);

        result.IsOk.ShouldBeFalse();
        result.Refusal!.Kind.ShouldBe(RefusalKind.Conflict);
    }

    [Theory]
    [InlineData(10, "atLeast", 3, 0.3, false)]
    [InlineData(10, "atLeast", 12, 1.2, true)]
    [InlineData(30, "atMost", 41, 0.7317, false)]
    [InlineData(45, "atMost", 41, 1.0976, true)]
    [InlineData(30, "atMost", 0, 1, true)]
    public void attainment_reads_the_direction_of_the_target(decimal target, string direction, decimal actual, decimal ratio, bool met)
    {
        var a = Attainment.Of(new MetricTarget(target, Standard.ParseDirection(direction)!.Value), actual);

        a.Ratio.ShouldBe(ratio);
        a.Met.ShouldBe(met);
    }

    [Fact]
    public void attainment_without_data_is_unknown_not_failed()
    {
        var a = Attainment.Of(new MetricTarget(10, TargetDirection.AtLeast), null);

        a.Met.ShouldBeNull();
        a.Ratio.ShouldBeNull();
    }
}
