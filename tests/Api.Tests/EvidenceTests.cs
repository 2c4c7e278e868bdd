using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using EventHr.Api.Tests.Support;
using EventHr.Domain.Evidence.Integrity;

namespace EventHr.Api.Tests;

/// <summary>The arbitration bundle: the case's history in time order, the legal checklist, as-of replay, integrity.</summary>
[Collection(AppCollection.Name)]
public sealed class EvidenceTests(AppFixture fixture)
{
    private readonly TestApi _api = new(fixture);
    private CaseApi Cases => new(_api);
    private readonly string _auditor = Tokens.For("auditor-zhao", "auditor");

    private async Task<HttpResponseMessage> Export(string employee, string query = "", string? token = null,
        IDictionary<string, string>? headers = null) =>
        await _api.Send(HttpMethod.Get, $"/api/employees/{employee}/evidence{query}", token: token ?? _auditor, headers: headers);

    private async Task<(JsonNode Bundle, string Text)> Bundle(string employee, string query = "")
    {
        var response = await Export(employee, query);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, text);
        return (JsonNode.Parse(text)!, text);
    }

    private static Dictionary<string, JsonNode> Checklist(JsonNode bundle) =>
        bundle["checklist"]!.AsArray().ToDictionary(e => e!["code"]!.GetValue<string>(), e => e!);

    private static bool Met(JsonNode bundle, string code) => Checklist(bundle)[code]["satisfied"]!.GetValue<bool>();

    private async Task<(string CaseId, string Employee)> Terminated()
    {
        var (caseId, employee) = await Cases.WalkToSecondFinding();
        await _api.Json(await Cases.Decide(caseId, new
        {
            kind = "terminate", delivery = new { method = "in-person", reference = "解除通知签收单 signed receipt" }, reason = "培训/调岗后仍不能胜任", unionNotifiedOn = "2026-11-24", noticeKind = "30-days", servedOn = "2026-11-25"
        }), 200);
        return (caseId, employee);
    }

    [Fact]
    public async Task a_case_walked_to_termination_gives_a_bundle_in_time_order_with_every_element_satisfied()
    {
        var (caseId, employee) = await Terminated();

        var response = await Export(employee);
        var text = await response.Content.ReadAsStringAsync();
        var bundle = JsonNode.Parse(text)!;
        var checklist = Checklist(bundle);
        var timeline = bundle["timeline"]!.AsArray();
        var types = timeline.Select(e => e!["type"]!.GetValue<string>()).ToList();

        ((int)response.StatusCode).ShouldBe(200, text);
        bundle["caseId"]!.GetValue<string>().ShouldBe(caseId);
        bundle["employeeName"]!.GetValue<string>().ShouldBe("王小明");
        bundle["atHire"]!["monthlySalary"]!.GetValue<decimal>().ShouldBe(10000m);
        checklist.Values.Where(e => !e["satisfied"]!.GetValue<bool>()).Select(e => e["code"]!.GetValue<string>()).ShouldBeEmpty();
        bundle["checklistSatisfied"]!.GetValue<bool>().ShouldBeTrue();
        foreach (var code in new[] { "case-opened", "pip-1-standard-acknowledged", "pip-1-acknowledged", "pip-2-standard-acknowledged",
                     "finding-1", "remedy", "second-assessment", "no-protected-status", "union-notified", "notice", "severance",
                     "pay-in-new-band", "pay-cut-consent", "no-forced-ranking", "findings-on-full-periods", "pip-1-fair-target", "retention-integrity",
                     "notice-honoured", "reassignment-fit" })
            checklist.ShouldContainKey(code);
        checklist["remedy"]["evidence"]!.AsArray().Single()!.GetValue<string>().ShouldContain("reassigned");
        checklist["severance"]["note"]!.GetValue<string>().ShouldStartWith("0.5 × 8000.00 = 4000.00");
        types.Take(2).ShouldBe(["post_defined", "post_defined"]);                            // the posts came first, then their standards
        types.IndexOf("standard_published").ShouldBeLessThan(types.IndexOf("employee_hired"));
        types.IndexOf("employee_hired").ShouldBeLessThan(types.IndexOf("standard_acknowledged"));
        types.TakeLast(2).ShouldBe(["employment_terminated", "employment_ended"], ignoreOrder: true);
        types.ShouldContain("standard_published");
        types.ShouldContain("standard_acknowledged");
        types.ShouldContain("warning_raised");
        types.ShouldContain("pip_acknowledged");
        types.ShouldContain("employee_reassigned");
        types.ShouldContain("post_defined");                                                 // the posts that prove the fit and the band
        types.IndexOf("incompetence_found").ShouldBeLessThan(types.IndexOf("employee_reassigned"));
        timeline.Select(e => e!["at"]!.GetValue<DateTimeOffset>()).ShouldBeInOrder();
        timeline.Single(e => e!["type"]!.GetValue<string>() == "warning_raised")!["data"]!["recipients"]!.AsArray().Count.ShouldBe(2);
        timeline[1]!["localTime"]!.GetValue<string>().ShouldEndWith("+08:00");
        timeline.ShouldAllBe(e => e!["hash"] != null);
        bundle["termination"]!["severance"]!["amount"]!.GetValue<decimal>().ShouldBe(4000m);
        var periods = bundle["periods"]!.AsArray();
        periods.Count.ShouldBe(3);                                                         // the warning days and two plan periods
        periods[1]!["days"]!.AsArray().Count.ShouldBe(7);
        periods[1]!["days"]![0]!["sourceId"]!.GetValue<string>().ShouldBe($"{_api.Run}:{employee}:2026-11-05");
        periods[1]!["days"]![0]!["batchHash"]!.GetValue<string>().Length.ShouldBe(64);
        periods[2]!["postId"]!.GetValue<string>().ShouldBe(_api.Id("cs"));
        bundle["integrity"]!["allValid"]!.GetValue<bool>().ShouldBeTrue();
        BundleVerifier.Verify(text).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task the_bundle_prints_as_html_and_as_a_pdf_whose_text_holds_the_chinese_name_and_the_checklist()
    {
        var (_, employee) = await Terminated();

        var html = await Export(employee, headers: new Dictionary<string, string> { ["Accept"] = "text/html" });
        var pdf = await Export(employee, "?format=pdf");
        var page = await html.Content.ReadAsStringAsync();
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));

        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.ShouldContain("王小明");
        page.ShouldContain("法律要件清单 Legal checklist");
        page.ShouldContain("union-notified");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        pdf.Content.Headers.ContentDisposition!.FileName!.ShouldContain(employee);
        document.NumberOfPages.ShouldBeGreaterThan(1);
        text.ShouldContain("王小明");
        text.ShouldContain("法律要件清单");
        text.ShouldContain("Legal checklist");
        text.ShouldContain("union-notified");
        text.ShouldContain("事先通知工会");
        (await AuditTrail.Events(fixture, $"evidence:{employee}")).Select(e => ((EventHr.Domain.Evidence.EvidenceExported)e.Data).Format)
            .ShouldBe(["html", "pdf"]);
    }

    [Fact]
    public async Task every_read_is_recorded_with_who_and_the_digest_of_what_was_handed_out()
    {
        var (brand, post, employee) = await _api.OperationsHire();

        var response = await Export(employee, token: _auditor);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var exports = await AuditTrail.Events(fixture, $"evidence:{employee}");

        var header = response.Headers.GetValues("X-Content-SHA256").Single();
        header.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        var exported = exports.Single();
        exported.Type.ShouldBe("evidence_exported");
        exported.UserName.ShouldBe("auditor-zhao");
        ((EventHr.Domain.Evidence.EvidenceExported)exported.Data).ContentSha256.ShouldBe(header);
        ((EventHr.Domain.Evidence.EvidenceExported)exported.Data).Format.ShouldBe("json");
        var next = (await Bundle(employee)).Bundle;                       // the next bundle shows who exported before
        next["previousExports"]!.AsArray().Single()!["contentSha256"]!.GetValue<string>().ShouldBe(header);
        next["previousExports"]![0]!["exportedBy"]!.GetValue<string>().ShouldBe("auditor-zhao");
    }

    [Fact]
    public async Task each_missing_step_shows_as_missing()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        var caseId = $"{employee}-1";
        var noCase = (await Bundle(employee)).Bundle;
        await Cases.AcknowledgeStandard(employee, brand, post, 1);
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2);
        await Cases.WaitForCase(caseId, "plan-pending");
        await Cases.SetPlan(caseId, new { orders = 5 }, "2026-11-05", "2026-11-11");
        var unacknowledged = (await Bundle(employee)).Bundle;
        await Cases.AcknowledgePlan(caseId, employee);
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 5), 2, 2, 2, 2, 2, 2, 2);
        await Cases.WaitForCase(caseId, "remedy-required");
        await _api.Ok(HttpMethod.Post, $"/api/cases/{caseId}/trainings", new { course = "促销技巧 promotion technique", scheduledOn = "2026-11-13", metric = "orders" });
        var trainingNotDone = (await Bundle(employee)).Bundle;

        noCase["caseId"].ShouldBeNull();
        Met(noCase, "case-opened").ShouldBeFalse();
        Met(noCase, "finding-1").ShouldBeFalse();
        Met(noCase, "retention-integrity").ShouldBeTrue();
        Met(unacknowledged, "pip-1-standard-acknowledged").ShouldBeTrue();
        Met(unacknowledged, "pip-1-acknowledged").ShouldBeFalse();
        Met(unacknowledged, "union-notified").ShouldBeFalse();
        unacknowledged["checklistSatisfied"]!.GetValue<bool>().ShouldBeFalse();
        Met(trainingNotDone, "pip-1-acknowledged").ShouldBeTrue();
        Met(trainingNotDone, "finding-1").ShouldBeTrue();
        Met(trainingNotDone, "remedy").ShouldBeFalse();
        Met(trainingNotDone, "second-assessment").ShouldBeFalse();
        Met(trainingNotDone, "union-notified").ShouldBeFalse();
        Met(trainingNotDone, "pay-unchanged").ShouldBeTrue();
        Checklist(trainingNotDone)["union-notified"]["guard"]!.GetValue<string>().ShouldBe("art43-union-not-notified");
    }

    [Fact]
    public async Task as_of_before_a_correction_shows_the_old_figure_and_the_current_bundle_lists_the_correction_after_the_decision()
    {
        _api.At("2026-11-01T09:00:00+08:00");   // the story from the hire on, each step on its day
        var (brand, post, employee) = await _api.OperationsHire();
        var caseId = $"{employee}-1";
        await Cases.AcknowledgeStandard(employee, brand, post, 1);
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 2), 2, 2, 2);
        await Cases.WaitForCase(caseId, "plan-pending");
        await Cases.SetPlan(caseId, new { orders = 5 }, "2026-11-05", "2026-11-11");
        await Cases.AcknowledgePlan(caseId, employee);
        await Cases.TallyDays(employee, new DateOnly(2026, 11, 5), 2, 2, 2, 2, 2, 2, 2);
        await Cases.WaitForCase(caseId, "remedy-required");
        await Task.Delay(20);
        var beforeCorrection = DateTimeOffset.UtcNow;   // "as of" is when the store recorded, by the database's clock, never the settable one
        await Task.Delay(20);
        var original = $"{_api.Run}:{employee}:2026-11-06";
        await _api.PostTallies(new[]
        {
            new { sourceId = original + ":fix", corrects = original, employeeId = employee, date = "2026-11-06",
                  metrics = new { orders = 9, visitors = 150, revenue = 855m, clicks = 400 } }
        });

        var inShanghai = beforeCorrection.ToOffset(TimeSpan.FromHours(8)).ToString("O");          // an offset other than UTC
        var then = (await Bundle(employee, $"?asOf={Uri.EscapeDataString(inShanghai)}")).Bundle;
        var now = (await Bundle(employee)).Bundle;

        JsonNode Day(JsonNode b, string sourceId) => b["periods"]![1]!["days"]!.AsArray().Single(d => d!["sourceId"]!.GetValue<string>() == sourceId)!;
        Day(then, original)["metrics"]!["orders"]!.GetValue<int>().ShouldBe(2);
        Day(then, original)["status"]!.GetValue<string>().ShouldBe("in-force");
        then["periods"]![1]!["days"]!.AsArray().Count.ShouldBe(7);
        then["correctionsAfterDecisions"]!.AsArray().ShouldBeEmpty();
        then["asOf"].ShouldNotBeNull();
        Day(now, original)["status"]!.GetValue<string>().ShouldBe("corrected");
        Day(now, original + ":fix")["metrics"]!["orders"]!.GetValue<int>().ShouldBe(9);
        var corrections = now["correctionsAfterDecisions"]!.AsArray();
        corrections.Select(c => c!["decisionType"]!.GetValue<string>()).ShouldBe(["pip_assessed", "incompetence_found"], ignoreOrder: true);
        corrections[0]!["oldValues"]!["orders"]!.GetValue<int>().ShouldBe(2);
        corrections[0]!["newValues"]!["orders"]!.GetValue<int>().ShouldBe(9);
        var assessed = now["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "pip_assessed")!;
        assessed["data"]!["results"]![0]!["periodAverage"]!.GetValue<decimal>().ShouldBe(2m);    // the figures the decision used
    }

    [Fact]
    public async Task tampering_is_reported_alike_by_the_online_verifier_and_the_offline_one()
    {
        var (caseId, employee) = await Terminated();
        var (_, before) = await Bundle(employee);

        var changed = await Tamper.Sql("update {schema}.mt_events set data = jsonb_set(data, '{reason}', '\"改写\"') where stream_id = @s and type = 'employment_terminated'",
            ("s", $"case:{caseId}"));
        var online = await _api.Ok(HttpMethod.Get, $"/api/audit/verify/case:{caseId}", token: _auditor);
        var (afterBundle, after) = await Bundle(employee);
        var offline = BundleVerifier.Verify(after);

        changed.ShouldBe(1);
        BundleVerifier.Verify(before).Valid.ShouldBeTrue();
        BundleVerifier.Verify(Edited(before, b => { foreach (var c in b["integrity"]!["chains"]!.AsArray()) { c!["head"] = null;
            foreach (var e in c["events"]!.AsArray()) e!["hash"] = null; } })).Valid.ShouldBeFalse();       // seals stripped
        BundleVerifier.Verify(Edited(before, b => b["timeline"]!.AsArray()
            .Single(e => e!["type"]!.GetValue<string>() == "employment_terminated")!["data"]!["reason"] = "改写")).Mismatches.ShouldNotBeEmpty();
        online["valid"]!.GetValue<bool>().ShouldBeFalse(online.ToJsonString());
        var brokenAt = online["brokenAt"]!.GetValue<long>();
        offline.Valid.ShouldBeFalse();
        offline.Chains.Single(c => c.StreamId == $"case:{caseId}").BrokenAt.ShouldBe(brokenAt);
        afterBundle["integrity"]!["allValid"]!.GetValue<bool>().ShouldBeFalse();
        Met(afterBundle, "retention-integrity").ShouldBeFalse();
    }

    private static string Edited(string bundle, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(bundle)!;
        edit(node);
        return node.ToJsonString();
    }

    [Fact]
    public async Task an_export_seals_what_the_paused_sealer_has_not_reached_with_the_hashes_it_then_keeps()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        var stream = $"employee:{employee}";
        await Eventually.Get(() => _api.Ok(HttpMethod.Get, $"/api/audit/verify/{stream}", token: _auditor),
            v => v["verified"]!.GetValue<int>() == 1, "the background seal");
        var daemon = fixture.Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.StopAgentAsync("event_sealer:All");
        try
        {
            await Cases.AcknowledgeStandard(employee, brand, post, 1);
            var (bundle, text) = await Bundle(employee);

            var chain = bundle["integrity"]!["chains"]!.AsArray().Single(c => c!["streamId"]!.GetValue<string>() == stream)!;
            chain["events"]!.AsArray().Count.ShouldBe(2);
            chain["events"]!.AsArray().ShouldAllBe(e => e!["hash"] != null);
            BundleVerifier.Verify(text).Valid.ShouldBeTrue();
        }
        finally
        {
            await daemon.StartAgentAsync("event_sealer:All", CancellationToken.None);
        }
        var verdict = await Eventually.Get(() => _api.Ok(HttpMethod.Get, $"/api/audit/verify/{stream}", token: _auditor),
            v => v["pending"]!.GetValue<int>() == 0, "the sealer to resume");
        verdict["valid"]!.GetValue<bool>().ShouldBeTrue();
        verdict["verified"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task an_export_does_not_reseal_an_event_whose_seal_was_removed()
    {
        var (brand, post, employee) = await _api.OperationsHire();
        await Cases.AcknowledgeStandard(employee, brand, post, 1);
        var stream = $"employee:{employee}";
        await Eventually.Get(() => _api.Ok(HttpMethod.Get, $"/api/audit/verify/{stream}", token: _auditor),
            v => v["verified"]!.GetValue<int>() == 2, "the background seals");

        await Tamper.Sql("delete from {schema}.event_hashes where stream_id = @s and version = 2", ("s", stream));
        var (bundle, text) = await Bundle(employee);
        var verdict = await _api.Ok(HttpMethod.Get, $"/api/audit/verify/{stream}", token: _auditor);

        verdict["valid"]!.GetValue<bool>().ShouldBeFalse();
        verdict["brokenAt"]!.GetValue<long>().ShouldBe(2);
        bundle["integrity"]!["allValid"]!.GetValue<bool>().ShouldBeFalse();
        BundleVerifier.Verify(text).Valid.ShouldBeFalse();
    }

    [Fact]
    public async Task simultaneous_exports_of_one_employee_all_succeed_and_are_all_recorded()
    {
        var (_, _, employee) = await _api.OperationsHire();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Export(employee)));

        foreach (var r in responses) ((int)r.StatusCode).ShouldBe(200, await r.Content.ReadAsStringAsync());
        (await AuditTrail.Events(fixture, $"evidence:{employee}")).Count.ShouldBe(4);
    }

    [Fact]
    public async Task bundles_are_for_hr_auditors_and_admins_and_bad_input_is_a_problem()
    {
        var (_, _, employee) = await _api.OperationsHire();

        await TestApi.ShouldBeProblem(await Export(employee, token: Tokens.Manager("M01", "any", "ops-east")), 403);
        await TestApi.ShouldBeProblem(await Export(employee, token: Tokens.For($"u-{employee}", "employee", employee)), 403);
        (await TestApi.ShouldBeProblem(await Export(employee, "?asOf=last-week"), 400))["errors"]!["asOf"].ShouldNotBeNull();
        (await TestApi.ShouldBeProblem(await Export(employee, "?format=docx"), 400))["errors"]!["format"].ShouldNotBeNull();
        await TestApi.ShouldBeProblem(await Export(employee, "?caseId=nope-1"), 404);
        await TestApi.ShouldBeProblem(await Export(_api.Id("nobody")), 404);
        await TestApi.ShouldBeProblem(await Export(employee, "?asOf=2020-01-01T00:00:00Z"), 404);
        (await AuditTrail.Events(fixture, $"evidence:{employee}")).ShouldBeEmpty();
    }
}
