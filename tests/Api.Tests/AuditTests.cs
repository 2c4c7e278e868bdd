using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;

namespace EventHr.Api.Tests;

/// <summary>The hash chain over every stream: sealed after commit, verified online, tampering found.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);
    private CaseApi Cases => new(_api);
    private readonly string _auditor = Tokens.For("auditor-zhao", "auditor");

    /// <summary>A fresh employee (ids of its own each call): hired, acknowledged, protected.</summary>
    private async Task<string> EmployeeWithThreeEvents()
    {
        var api = new TestApi(fixture);
        var (brand, post, employee) = await api.OperationsHire();
        await new CaseApi(api).AcknowledgeStandard(employee, brand, post, 1);
        await api.Ok(HttpMethod.Post, $"/api/employees/{employee}/protections", new { kind = "medical", from = "2026-11-20", to = "2026-11-30" });
        return $"employee:{employee}";
    }

    private async Task<JsonNode> Verify(string stream) => await _api.Ok(HttpMethod.Get, $"/api/audit/verify/{stream}", token: _auditor);

    private async Task<JsonNode> Sealed(string stream, int events) =>
        await Eventually.Get(() => Verify(stream), v => v["verified"]!.GetValue<int>() == events && v["pending"]!.GetValue<int>() == 0,
            $"{stream} to be sealed");

    [Fact]
    public async Task an_untouched_stream_verifies_and_its_events_carry_chained_hashes()
    {
        var stream = await EmployeeWithThreeEvents();
        var verdict = await Sealed(stream, 3);

        var audit = await _api.Ok(HttpMethod.Get, $"/api/audit/streams/{stream}", token: _auditor);
        var events = audit["events"]!.AsArray();
        verdict["valid"]!.GetValue<bool>().ShouldBeTrue();
        verdict["brokenAt"].ShouldBeNull();
        events.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["employee_hired", "standard_acknowledged", "protection_recorded"]);
        events[0]!["prevHash"]!.GetValue<string>().ShouldBe(new string('0', 64));
        events[1]!["prevHash"]!.GetValue<string>().ShouldBe(events[0]!["hash"]!.GetValue<string>());
        events[2]!["prevHash"]!.GetValue<string>().ShouldBe(events[1]!["hash"]!.GetValue<string>());
        audit["head"]!.GetValue<string>().ShouldBe(verdict["head"]!.GetValue<string>());
        events[0]!["actor"]!.GetValue<string>().ShouldBe("hr-li");
        events[0]!["data"]!["name"]!.GetValue<string>().ShouldBe("王小明");
        events[0]!["correlationId"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task an_update_in_sql_breaks_the_chain_at_that_event()
    {
        var stream = await EmployeeWithThreeEvents();
        await Sealed(stream, 3);

        var changed = await Tamper.Sql("update {schema}.mt_events set data = jsonb_set(data, '{standardVersion}', '2') where stream_id = @s and version = 2",
            ("s", stream));
        var verdict = await Verify(stream);

        changed.ShouldBe(1);
        verdict["valid"]!.GetValue<bool>().ShouldBeFalse();
        verdict["brokenAt"]!.GetValue<long>().ShouldBe(2);
        verdict["reason"]!.GetValue<string>().ShouldContain("differs");
    }

    [Fact]
    public async Task an_event_committed_after_the_sealer_passed_its_sequence_is_sealed_before_the_next_version()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        await Cases.AcknowledgeStandard(employee, brand, post, 1);
        var stream = $"employee:{employee}";
        await Sealed(stream, 2);

        // A slow transaction: version 3 lands with a sequence number the daemon has already passed.
        await Tamper.Run("""
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, user_name)
            select -1 * (extract(epoch from clock_timestamp()) * 1000000)::bigint, gen_random_uuid(), stream_id, 3, data, type,
                   clock_timestamp(), mt_dotnet_type, user_name
            from {schema}.mt_events where stream_id = @s and version = 2;
            update {schema}.mt_streams set version = 3 where id = @s
            """, ("s", stream));
        await _api.Ok(HttpMethod.Post, $"/api/employees/{employee}/protections", new { kind = "medical", from = "2026-11-20", to = "2026-11-30" });
        var verdict = await Sealed(stream, 4);

        verdict["valid"]!.GetValue<bool>().ShouldBeTrue();
        (await _api.Ok(HttpMethod.Get, $"/api/audit/streams/{stream}", token: _auditor))["events"]!.AsArray()
            .Select(e => e!["version"]!.GetValue<long>()).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public async Task the_event_and_seal_tables_refuse_updates_and_deletes()
    {
        var stream = await EmployeeWithThreeEvents();
        await Sealed(stream, 3);

        var update = await Should.ThrowAsync<Npgsql.PostgresException>(() =>
            Tamper.Run("update {schema}.mt_events set data = '{}' where stream_id = @s", ("s", stream)));
        var delete = await Should.ThrowAsync<Npgsql.PostgresException>(() =>
            Tamper.Run("delete from {schema}.event_hashes where stream_id = @s", ("s", stream)));

        update.MessageText.ShouldContain("append-only");
        delete.MessageText.ShouldContain("append-only");
        (await Verify(stream))["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_delete_in_sql_is_found_whether_or_not_the_seal_goes_with_it()
    {
        var (middle, last) = (await EmployeeWithThreeEvents(), await EmployeeWithThreeEvents());
        await Sealed(middle, 3);
        await Sealed(last, 3);

        await Tamper.Sql("delete from {schema}.mt_events where stream_id = @s and version = 2", ("s", middle));
        await Tamper.Sql("delete from {schema}.mt_events where stream_id = @s and version = 3", ("s", last));
        await Tamper.Sql("delete from {schema}.event_hashes where stream_id = @s and version = 3", ("s", last));
        await Tamper.Sql("delete from {schema}.mt_events where stream_id = @s and version = 3", ("s", middle));
        var (a, b) = (await Verify(middle), await Verify(last));

        a["valid"]!.GetValue<bool>().ShouldBeFalse();
        a["brokenAt"]!.GetValue<long>().ShouldBe(2);
        a["reason"]!.GetValue<string>().ShouldContain("deleted");
        // Deleting the last event together with its seal leaves a shorter, valid chain: only an exported head shows it.
        b["valid"]!.GetValue<bool>().ShouldBeTrue();
        b["verified"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task the_whole_store_is_verified_in_one_pass_and_names_each_broken_stream()
    {
        var (intact, tampered) = (await EmployeeWithThreeEvents(), await EmployeeWithThreeEvents());
        await Sealed(intact, 3);
        await Sealed(tampered, 3);
        await Tamper.Sql("update {schema}.mt_events set data = jsonb_set(data, '{standardVersion}', '7') where stream_id = @s and version = 2",
            ("s", tampered));

        var store = await _api.Ok(HttpMethod.Get, "/api/audit/verify", token: _auditor);

        store["valid"]!.GetValue<bool>().ShouldBeFalse();
        var broken = store["broken"]!.AsArray();
        broken.Single(b => b!["streamId"]!.GetValue<string>() == tampered)!["brokenAt"]!.GetValue<long>().ShouldBe(2);
        broken.ShouldNotContain(b => b!["streamId"]!.GetValue<string>() == intact);
        store["events"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(6);
        store["streams"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task audit_replay_as_of_an_instant_shows_only_what_was_recorded_by_then()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Cases.AcknowledgeStandard(employee, brand, post, 1);

        var then = await _api.Ok(HttpMethod.Get, $"/api/audit/streams/employee:{employee}?asOf={Uri.EscapeDataString(between.ToString("O"))}", token: _auditor);
        var now = await _api.Ok(HttpMethod.Get, $"/api/audit/streams/employee:{employee}", token: _auditor);

        then["events"]!.AsArray().Count.ShouldBe(1);
        now["events"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task audit_is_for_hr_auditors_and_admins_and_bad_input_is_a_problem()
    {
        var stream = await EmployeeWithThreeEvents();

        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/audit/streams/{stream}", token: Tokens.Manager("M01", "any", "ops-east")), 403);
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/audit/verify/{stream}", token: Tokens.For("x", "employee", "x")), 403);
        var badAsOf = await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/audit/streams/{stream}?asOf=yesterday", token: _auditor), 400);
        badAsOf["errors"]!["asOf"].ShouldNotBeNull();
        await TestApi.ShouldBeProblem(await _api.Send(HttpMethod.Get, $"/api/audit/verify/employee:{_api.Id("nobody")}", token: _auditor), 404);
    }
}
