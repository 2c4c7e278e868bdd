using EventHr.Domain.Evidence.Integrity;

namespace EventHr.Domain.Tests.Evidence;

public sealed class EventChainTests
{
    // The README's worked example; the expected hashes were computed with Python's hashlib, not with this code.
    private static readonly ChainedEvent Hired = new("employee:E1001", 1, "employee_hired", "2026-11-01T01:02:03.456789Z", "hr-li",
        """{"name": "王小明", "hiredOn": "2026-11-01"}""");
    private static readonly ChainedEvent Acknowledged = new("employee:E1001", 2, "standard_acknowledged", "2026-11-02T00:00:00.000000Z", "",
        """{"standardVersion": 1}""");
    private const string HiredHash = "c9cb6dcf06a99c58e5389fed3ba391e6fa5d879338de450510cc01bd705bacb7";
    private const string AcknowledgedHash = "28813f4e5cc211fa8b8998136bcef78934d3986bba701c0cd0d0922f6b701731";

    [Fact]
    public void hashes_match_an_independent_implementation_of_the_documented_algorithm()
    {
        EventChain.Hash(EventChain.Genesis, Hired).ShouldBe(HiredHash);
        EventChain.Hash(HiredHash, Acknowledged).ShouldBe(AcknowledgedHash);
    }

    [Fact]
    public void timestamps_are_utc_with_microseconds()
    {
        var at = new DateTimeOffset(2026, 11, 1, 9, 2, 3, TimeSpan.FromHours(8)).AddTicks(4567890);
        EventChain.Timestamp(at).ShouldBe("2026-11-01T01:02:03.456789Z");
    }

    [Fact]
    public void a_sealed_untouched_stream_is_valid_with_its_head()
    {
        var verdict = ChainCheck.Verify("employee:E1001", [new ChainSlot(1, Hired, HiredHash), new ChainSlot(2, Acknowledged, AcknowledgedHash)]);
        verdict.ShouldBe(new ChainVerdict("employee:E1001", true, null, null, 2, 0, AcknowledgedHash));
    }

    [Fact]
    public void events_not_sealed_yet_at_the_end_are_pending_not_broken()
    {
        var verdict = ChainCheck.Verify("s", [new ChainSlot(1, Hired, HiredHash), new ChainSlot(2, Acknowledged, null)]);
        verdict.Valid.ShouldBeTrue();
        verdict.Pending.ShouldBe(1);
        verdict.Head.ShouldBe(HiredHash);
    }

    public static TheoryData<string, ChainSlot[], long, string> Tampering => new()
    {
        { "changed data", [new(1, Hired with { Data = """{"name": "李四", "hiredOn": "2026-11-01"}""" }, HiredHash), new(2, Acknowledged, AcknowledgedHash)], 1, "differs" },
        { "changed actor", [new(1, Hired, HiredHash), new(2, Acknowledged with { Actor = "admin" }, AcknowledgedHash)], 2, "differs" },
        { "changed timestamp", [new(1, Hired with { Timestamp = "2026-10-01T01:02:03.456789Z" }, HiredHash), new(2, Acknowledged, AcknowledgedHash)], 1, "differs" },
        { "deleted row, seal kept", [new(1, null, HiredHash), new(2, Acknowledged, AcknowledgedHash)], 1, "deleted" },
        { "deleted row and seal", [new(2, Acknowledged, AcknowledgedHash)], 1, "missing" },
        { "inserted unsealed row", [new(1, Hired, HiredHash), new(2, Acknowledged, null), new(3, Acknowledged with { Version = 3 }, "ab")], 2, "no seal" },
    };

    [Theory, MemberData(nameof(Tampering))]
    public void tampering_breaks_the_chain_at_the_first_changed_version(string what, ChainSlot[] slots, long brokenAt, string reason)
    {
        var verdict = ChainCheck.Verify("employee:E1001", slots);
        verdict.Valid.ShouldBeFalse(what);
        verdict.BrokenAt.ShouldBe(brokenAt, what);
        verdict.Reason!.ShouldContain(reason, Case.Insensitive, what);
    }

    [Fact]
    public void an_unsealed_last_event_the_sealer_has_passed_is_broken_not_pending()
    {
        var slots = new[] { new ChainSlot(1, Hired, HiredHash, 10), new ChainSlot(2, Acknowledged, null, 11) };
        ChainCheck.Verify("s", slots, sealedThrough: 10).Pending.ShouldBe(1);
        var passed = ChainCheck.Verify("s", slots, sealedThrough: 11);
        passed.Valid.ShouldBeFalse();
        passed.BrokenAt.ShouldBe(2);
    }

    [Fact]
    public void an_exported_chain_must_end_at_its_stated_head()
    {
        ChainCheck.VerifyExported("s", [(Hired, HiredHash), (Acknowledged, AcknowledgedHash)], AcknowledgedHash).Valid.ShouldBeTrue();
        ChainCheck.VerifyExported("s", [(Hired, HiredHash)], AcknowledgedHash).Valid.ShouldBeFalse();
    }
}
