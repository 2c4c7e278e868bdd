namespace EventHr.Domain.Evidence.Bundles;

/// <summary>Bilingual headings of the timeline, by stored event type name.</summary>
public static class EventTitles
{
    private static readonly Dictionary<string, string> Titles = new()
    {
        ["employee_hired"] = "入职及劳动合同 Hired: contract terms and post",
        ["standard_published"] = "考核标准公示 Standard published",
        ["post_defined"] = "岗位定义 Post defined (pay band, compatible posts)",
        ["post_revised"] = "岗位修订 Post revised (pay band, compatible posts)",
        ["standard_acknowledged"] = "员工确认考核标准 Standard acknowledged by the employee",
        ["protection_recorded"] = "特殊保护情形 Protected status recorded (art. 42)",
        ["post_changed"] = "岗位变更 Post changed",
        ["salary_changed"] = "薪酬变更 Salary changed",
        ["employment_ended"] = "劳动关系终止 Employment ended",
        ["case_opened"] = "绩效预警立案 Early warning: case opened",
        ["warning_raised"] = "预警通知 Warning sent to HR and the department head",
        ["breach_attached"] = "再次低于标准 Further low days attached",
        ["conversation_noted"] = "沟通记录 Conversation noted",
        ["pip_drafted"] = "改进计划草案 Improvement plan drafted",
        ["pip_set"] = "绩效改进计划 Improvement plan set (targets, period, support)",
        ["pip_acknowledged"] = "员工确认改进计划 Improvement plan acknowledged",
        ["pip_assessed"] = "考核期评估 Plan period assessed (figures as they stood)",
        ["pip_passed"] = "考核通过 Plan passed",
        ["pip_extended"] = "延长考核期 Plan period extended",
        ["incompetence_found"] = "不能胜任工作认定 Finding: not competent",
        ["training_assigned"] = "安排培训 Training assigned",
        ["training_completed"] = "完成培训 Training completed",
        ["employee_reassigned"] = "调整工作岗位 Reassigned (fit and pay band)",
        ["pay_adjusted"] = "协商调薪 Pay adjusted by agreement",
        ["assessment_data_missing"] = "考核数据缺失 Assessment data missing: escalated to HR",
        ["employment_terminated"] = "解除劳动合同 Terminated under art. 40(2): notice and severance",
    };

    public static string For(string type) => Titles.GetValueOrDefault(type, type);
}
