namespace EventHr.Domain.Staff;

/// <summary>The statuses under which Art. 42 forbids an Art. 40 termination (checked on the notice date, G6).</summary>
public static class ProtectionKinds
{
    /// <summary>Art. 42(5), computed from the hire date, affiliated service and the statutory retirement date; never recorded by hand.</summary>
    public const string LongServiceNearRetirement = "long-service-near-retirement";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["pregnancy"] = "孕期 pregnancy",
        ["maternity"] = "产期 maternity leave",
        ["nursing"] = "哺乳期 nursing period",
        ["medical"] = "医疗期 medical treatment period",
        ["work-injury"] = "工伤 work injury (lost or partly lost capacity)",
        ["occupational-disease-observation"] = "职业病观察期 occupational-disease observation",
        [LongServiceNearRetirement] = "连续工作满15年且距退休不足5年 ≥15 years' service within 5 years of retirement",
    };

    public static bool IsKnown(string? kind) => kind is not null && All.ContainsKey(kind);

    /// <summary>Kinds HR records; the long-service one is computed (a recorded one would go stale or be forgotten).</summary>
    public static bool IsRecordable(string? kind) => IsKnown(kind) && kind != LongServiceNearRetirement;

    /// <summary>Art. 35 read with the Special Rules on Labour Protection of Female Employees (art. 5): no pay cut for these.</summary>
    public static readonly IReadOnlyList<string> NoPayCut = ["pregnancy", "maternity", "nursing"];
}
