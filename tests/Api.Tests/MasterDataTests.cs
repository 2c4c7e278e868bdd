using System.Net;
using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

[Collection(AppCollection.Name)]
public sealed class MasterDataTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);

    [Fact]
    public async Task a_repeated_brand_put_is_idempotent_and_a_changed_one_is_revised()
    {
        var brand = _api.Id("brand");
        await _api.DefineBrand(brand, "premium");
        await _api.DefineBrand(brand, "premium");
        var revised = await _api.Ok(HttpMethod.Put, $"/api/brands/{brand}", new { name = "高端 Premium", tier = "premium", timeZone = "Asia/Hong_Kong" });

        revised["name"]!.GetValue<string>().ShouldBe("高端 Premium");
        revised["timeZone"]!.GetValue<string>().ShouldBe("Asia/Hong_Kong");
        var audit = await AuditTrail.Events(fixture, $"brand:{brand}");
        audit.Select(e => e.Type).ShouldBe(["brand_registered", "brand_profile_revised"]);
    }

    [Fact]
    public async Task standards_are_versioned_with_effective_ranges()
    {
        var (brand, post) = (_api.Id("mid"), _api.Id("cs"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(post, "cs");
        await _api.PublishStandard(brand, post, "2026-11-01", new { avgResponseSeconds = new { target = 30, direction = "atMost" } });
        var standard = await _api.PublishStandard(brand, post, "2026-11-16", new { avgResponseSeconds = new { target = 45, direction = "atMost" } });

        var versions = standard["versions"]!.AsArray();
        versions.Count.ShouldBe(2);
        versions[0]!["version"]!.GetValue<int>().ShouldBe(1);
        versions[0]!["effectiveUntil"]!.GetValue<string>().ShouldBe("2026-11-15");
        versions[1]!["version"]!.GetValue<int>().ShouldBe(2);
        versions[1]!["effectiveUntil"].ShouldBeNull();
        versions[1]!["metrics"]!["avgResponseSeconds"]!["target"]!.GetValue<decimal>().ShouldBe(45);
        (await _api.Ok(HttpMethod.Get, $"/api/standards/{brand}/{post}"))["versions"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_standard_cannot_be_backdated_before_the_version_in_force()
    {
        var (brand, post) = (_api.Id("b"), _api.Id("p"));
        await _api.DefineBrand(brand);
        await _api.DefinePost(post, "ops");
        await _api.PublishStandard(brand, post, "2026-11-10", new { orders = new { target = 10, direction = "atLeast" } });

        var response = await _api.Send(HttpMethod.Put, $"/api/standards/{brand}/{post}",
            new { effectiveFrom = "2026-11-01", metrics = new { orders = new { target = 8, direction = "atLeast" } } });

        var problem = await TestApi.ShouldBeProblem(response, 409);
        problem["detail"]!.GetValue<string>().ShouldContain("2026-11-10");
        (await _api.Ok(HttpMethod.Get, $"/api/standards/{brand}/{post}"))["versions"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task hiring_records_contract_terms_and_returns_the_profile()
    {
        var (brand, post, employee) = await _api.OperationsHire();

        var profile = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}");

        profile["employeeId"]!.GetValue<string>().ShouldBe(employee);
        profile["name"]!.GetValue<string>().ShouldBe("王小明");
        profile["brandId"]!.GetValue<string>().ShouldBe(brand);
        profile["postId"]!.GetValue<string>().ShouldBe(post);
        profile["contract"]!["payAdjustableWithPost"]!.GetValue<bool>().ShouldBeTrue();
        profile["salary"]![0]!["monthlySalary"]!.GetValue<decimal>().ShouldBe(10000);
    }

    [Fact]
    public async Task an_employee_acknowledges_a_standard_once_and_hr_may_record_it_on_paper()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        var self = Tokens.For("emp-1", "employee", employee);
        var body = new { brandId = brand, postId = post, standardVersion = 1 };

        var ack = await _api.Json(await _api.Send(HttpMethod.Post, $"/api/employees/{employee}/acknowledgements", body, self), 200);
        var again = await _api.Send(HttpMethod.Post, $"/api/employees/{employee}/acknowledgements", body);
        var other = await _api.Send(HttpMethod.Post, $"/api/employees/{employee}/acknowledgements", body, Tokens.For("emp-2", "employee", "someone-else"));
        var unknownVersion = await _api.Send(HttpMethod.Post, $"/api/employees/{employee}/acknowledgements", body with { standardVersion = 7 });

        ack["via"]!.GetValue<string>().ShouldBe("self");
        await TestApi.ShouldBeProblem(again, 409);
        await TestApi.ShouldBeProblem(other, 404);   // another employee is answered as for an unknown one
        await TestApi.ShouldBeProblem(unknownVersion, 404);
        var profile = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}");
        profile["acknowledgements"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task protected_statuses_are_recorded_with_their_dates()
    {
        var (_, _, employee) = await _api.OperationsHire();

        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/protections", new { kind = "pregnancy", from = "2026-12-01" });
        var bad = await _api.Send(HttpMethod.Post, $"/api/employees/{employee}/protections", new { kind = "holiday", from = "2026-12-01", to = "2026-11-01" });

        var problem = await TestApi.ShouldBeProblem(bad, 400);
        problem["errors"]!["kind"].ShouldNotBeNull();
        problem["errors"]!["to"].ShouldNotBeNull();
        var profile = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}");
        // The recorded status, and art. 42(5) computed: born 1995-04-02, a woman worker retires at 55 (2050-04-02).
        profile["protections"]!.AsArray().Select(p => $"{p!["kind"]} {p["from"]}").ShouldBe(["pregnancy 2026-12-01", "long-service-near-retirement 2045-04-03"]);
        profile["statutoryRetirementOn"]!.GetValue<string>().ShouldBe("2050-04-02");
    }

    [Fact]
    public async Task a_separation_ends_the_employment_once_and_later_tallies_are_refused()
    {
        var (_, _, employee) = await _api.OperationsHire();
        _api.At("2026-11-30T20:00:00+08:00");   // the month's feeds have come in
        var url = $"/api/employees/{employee}/separations";

        var ended = await _api.Ok(HttpMethod.Post, url, new { kind = "resignation", date = "2026-11-10", reason = "个人原因" });
        var again = await _api.Send(HttpMethod.Post, url, new { kind = "contract-end", date = "2026-11-12", reason = "x" });
        var viaSeparation = await _api.Send(HttpMethod.Post, url, new { kind = "termination-art40-2", date = "2026-11-12", reason = "x" });
        var tallies = await _api.PostTallies(new[]
        {
            new { sourceId = $"{_api.Run}:last", employeeId = employee, date = "2026-11-10", metrics = new { orders = 9 } },
            new { sourceId = $"{_api.Run}:after", employeeId = employee, date = "2026-11-11", metrics = new { orders = 9 } }
        });

        ended["effectiveOn"]!.GetValue<string>().ShouldBe("2026-11-10");
        await TestApi.ShouldBeProblem(again, 409);
        (await TestApi.ShouldBeProblem(viaSeparation, 400))["errors"]!["kind"]![0]!.GetValue<string>().ShouldContain("performance case");
        tallies["accepted"]!.GetValue<int>().ShouldBe(1);
        tallies["rejected"]![0]!["errors"]!["date"]![0]!.GetValue<string>().ShouldContain("ended");
        (await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}"))["endedOn"]!.GetValue<string>().ShouldBe("2026-11-10");
    }

    [Fact]
    public async Task hiring_an_existing_employee_id_is_a_conflict_and_changes_nothing()
    {
        var (brand, post, employee) = await _api.OperationsHire(salary: 10000);

        var again = await _api.Hire(employee, brand, post, salary: 99999);

        await TestApi.ShouldBeProblem(again, 409);
        var profile = await _api.Ok(HttpMethod.Get, $"/api/employees/{employee}");
        profile["salary"]![0]!["monthlySalary"]!.GetValue<decimal>().ShouldBe(10000);
        (await AuditTrail.Events(fixture, $"employee:{employee}")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task hiring_into_unknown_brand_or_post_names_the_fields()
    {
        var response = await _api.Hire(_api.Id("E9"), _api.Id("nobrand"), _api.Id("nopost"));

        var problem = await TestApi.ShouldBeProblem(response, 400);
        problem["errors"]!["brandId"].ShouldNotBeNull();
        problem["errors"]!["postId"].ShouldNotBeNull();
        (await _api.Send(HttpMethod.Get, $"/api/employees/{_api.Id("E9")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
