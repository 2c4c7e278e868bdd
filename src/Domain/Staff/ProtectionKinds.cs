namespace EventHr.Domain.Staff;

/// <summary>The statuses under which Art. 42 forbids an Art. 40 termination (checked on the notice date, G6).</summary>
public static class ProtectionKinds
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["pregnancy"] = "孕期 pregnancy",
        ["maternity"] = "产期 maternity leave",
        ["nursing"] = "哺乳期 nursing period",
        ["medical"] = "医疗期 medical treatment period",
        ["work-injury"] = "工伤 work injury (lost or partly lost capacity)",
        ["occupational-disease-observation"] = "职业病观察期 occupational-disease observation",
        ["long-service-near-retirement"] = "连续工作满15年且距退休不足5年 ≥15 years' service within 5 years of retirement",
    };

    public static bool IsKnown(string? kind) => kind is not null && All.ContainsKey(kind);
}
