using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

/// <summary>Feeds own their rows: a feed sends tallies for its brands' staff only, and only it (or HR) corrects what it sent.</summary>
[Collection(AppCollection.Name)]
public sealed class FeedOwnershipTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    [Fact]
    public async Task a_feed_tallies_its_own_brands_staff_and_learns_nothing_of_anyone_else()
    {
        var (brand, post, mine) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in
        var other = _api.Id("other");
        await _api.DefineBrand(other);
        await _api.PublishStandard(other, post, "2026-11-01", new { orders = new { target = 10, direction = "atLeast" } });
        var theirs = _api.Id("E2");
        (await _api.Hire(theirs, other, post, hiredOn: "2026-11-15")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        var feed = Tokens.For("feed-a", ["integration"], brand: brand);

        var answer = await Post(feed, Row("a", mine), Row("b", theirs, date: "2026-11-02"));

        answer["accepted"]!.GetValue<int>().ShouldBe(1);
        var rejected = answer["rejected"]!.AsArray().Single()!;
        rejected["index"]!.GetValue<int>().ShouldBe(1);
        rejected["errors"]!.ToJsonString().ShouldContain("unknown employee");
        rejected["errors"]!.ToJsonString().ShouldNotContain("2026-11-15");   // not the other brand's hire date
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Post, "/api/tallies", new[] { Row("c", mine) }, Tokens.For("feed-x", "integration")), 401);
    }

    [Fact]
    public async Task another_feeds_source_id_is_a_conflict_and_only_the_owner_or_hr_corrects_a_row()
    {
        var (brand, _, employee) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in
        var (shopA, shopB) = (Tokens.For("shop-a", ["integration"], brand: brand), Tokens.For("shop-b", ["integration"], brand: brand));
        (await Post(shopA, Row("s1", employee)))["accepted"]!.GetValue<int>().ShouldBe(1);

        var again = await Post(shopA, Row("s1", employee));
        var squatted = await Post(shopB, Row("s1", employee));
        var foreignCorrection = await Post(shopB, Row("s2", employee, corrects: "s1"));
        var ownCorrection = await Post(shopA, Row("s3", employee, corrects: "s1", orders: 4));
        var hrCorrection = await Post(_api.HrToken, Row("s4", employee, corrects: "s3", orders: 5));

        (again["accepted"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()).ShouldBe((0, 1));
        (squatted["accepted"]!.GetValue<int>(), squatted["duplicates"]!.GetValue<int>()).ShouldBe((0, 0));
        squatted["rejected"]![0]!["errors"]!["sourceId"]![0]!.GetValue<string>().ShouldContain("another feed");
        foreignCorrection["rejected"]![0]!["errors"]!["corrects"]![0]!.GetValue<string>().ShouldContain("only that feed, or HR");
        ownCorrection["accepted"]!.GetValue<int>().ShouldBe(1);
        hrCorrection["accepted"]!.GetValue<int>().ShouldBe(1);
        var day = (await _api.Performance(employee, "2026-11-03", "2026-11-03"))["days"]!.AsArray().Single()!;
        day["metrics"]!["orders"]!.GetValue<int>().ShouldBe(5);
    }

    private async Task<JsonNode> Post(string token, params object[] rows) => await _api.Json(await _api.Send(HttpMethod.Post, "/api/tallies", rows, token), 200);

    private object Row(string id, string employee, string date = "2026-11-03", string? corrects = null, int orders = 3) =>
        new { sourceId = $"{_api.Run}:{id}", employeeId = employee, date, corrects = corrects is null ? null : $"{_api.Run}:{corrects}", metrics = new { orders } };
}
