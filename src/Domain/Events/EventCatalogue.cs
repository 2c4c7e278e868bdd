using EventHr.Domain.Alerts;
using EventHr.Domain.Cases;
using EventHr.Domain.Evidence;
using EventHr.Domain.Notifications;
using EventHr.Domain.Organisation;
using EventHr.Domain.Staff;
using EventHr.Domain.Standards;
using EventHr.Domain.Tallies;

namespace EventHr.Domain.Events;

/// <summary>One event type: its class, the stable name stored with it, the aggregate it builds and its bilingual title.</summary>
public sealed record EventEntry(Type Type, string Name, Type? State, string Title);

/// <summary>
/// Every event EventHr records. The store maps each class to its stable name (renaming a class must
/// never orphan history that a tribunal may ask for years later, G11), the evidence bundle heads its
/// timeline with the title, and each state is folded from the events listed for it.
/// </summary>
public static class EventCatalogue
{
    public static readonly IReadOnlyList<EventEntry> All =
    [
        Of<BrandRegistered, Brand>("brand_registered", "品牌登记 Brand registered"),
        Of<BrandProfileRevised, Brand>("brand_profile_revised", "品牌信息修订 Brand profile revised"),
        Of<PostDefined, Post>("post_defined", "岗位定义 Post defined (pay band, compatible posts)"),
        Of<PostRevised, Post>("post_revised", "岗位修订 Post revised (pay band, compatible posts)"),
        Of<StandardPublished, Standard>("standard_published", "考核标准公示 Standard published"),
        Of<StandardReviewed, Standard>("standard_reviewed", "考核标准复核 Standard reviewed after a fairness flag (G3)"),

        Of<EmployeeHired, Employee>("employee_hired", "入职及劳动合同 Hired: contract terms and post"),
        Of<StandardAcknowledged, Employee>("standard_acknowledged", "员工确认考核标准 Standard acknowledged by the employee"),
        Of<ProtectionRecorded, Employee>("protection_recorded", "特殊保护情形 Protected status recorded (art. 42)"),
        Of<PostChanged, Employee>("post_changed", "岗位变更 Post changed"),
        Of<SalaryChanged, Employee>("salary_changed", "薪酬变更 Salary changed"),
        Of<PayAgreementSigned, Employee>("pay_agreement_signed", "薪酬变更协议签署 Pay agreement signed (art. 35)"),
        Of<EmploymentEnded, Employee>("employment_ended", "劳动关系终止 Employment ended"),
        Of<EmploymentEndPostponed, Employee>("employment_end_postponed", "终止顺延 End postponed while a protected status lasts (art. 42, 45)"),
        Of<Staff.Employment.HiringConditionsAcknowledged, Employee>("hiring_conditions_acknowledged", "员工确认录用条件 Hiring conditions acknowledged"),
        Of<EmploymentFactsRecorded, Employee>("employment_facts_recorded", "劳动合同信息记录 Employment facts recorded (person, city, term, probation)"),
        Of<Law.Wages.WagesDueRecorded, Law.Wages.PayrollRecord>("wages_due_recorded", "应发工资记录 Wages due recorded (payroll)"),
        Of<Law.Figures.LawFigureRecorded, Law.Figures.LawFigureBook>("law_figure_recorded", "法定标准登记 Law figure recorded (minimum or average wage)"),
        new(typeof(TalliesRecorded), "tallies_recorded", null, "绩效数据入库 Daily tallies recorded"),

        Of<PerformanceCaseOpened, PerformanceCase>("case_opened", "绩效预警立案 Early warning: case opened"),
        Of<WarningRaised, PerformanceCase>("warning_raised", "预警通知 Warning sent to HR and the department head"),
        Of<BreachAttached, PerformanceCase>("breach_attached", "再次低于标准 Further low days attached"),
        Of<ConversationNoted, PerformanceCase>("conversation_noted", "沟通记录 Conversation noted"),
        Of<PipDrafted, PerformanceCase>("pip_drafted", "改进计划草案 Improvement plan drafted"),
        Of<PipSet, PerformanceCase>("pip_set", "绩效改进计划 Improvement plan set (targets, period, support)"),
        Of<PipAcknowledged, PerformanceCase>("pip_acknowledged", "员工确认改进计划 Improvement plan acknowledged"),
        Of<PipAssessed, PerformanceCase>("pip_assessed", "考核期评估 Plan period assessed (figures as they stood)"),
        Of<PipPassed, PerformanceCase>("pip_passed", "考核通过 Plan passed"),
        Of<PipExtended, PerformanceCase>("pip_extended", "延长考核期 Plan period extended"),
        Of<IncompetenceFound, PerformanceCase>("incompetence_found", "不能胜任工作认定 Finding: not competent"),
        Of<TrainingAssigned, PerformanceCase>("training_assigned", "安排培训 Training assigned"),
        Of<TrainingCompleted, PerformanceCase>("training_completed", "完成培训 Training completed"),
        Of<EmployeeReassigned, PerformanceCase>("employee_reassigned", "调整工作岗位 Reassigned (fit and pay band)"),
        Of<PayAdjusted, PerformanceCase>("pay_adjusted", "协商调薪 Pay adjusted by agreement"),
        Of<AssessmentDataMissing, PerformanceCase>("assessment_data_missing", "考核数据缺失 Assessment data missing: escalated to HR"),
        Of<ProbationDismissed, PerformanceCase>("probation_dismissed", "试用期解除 Dismissed in probation under art. 39(1): hiring condition not met"),
        Of<EmploymentTerminated, PerformanceCase>("employment_terminated", "解除劳动合同 Terminated under art. 40(2): notice and severance"),

        Of<AlertRuleSet, AlertRuleBook>("alert_rule_set", "预警规则调整 Alert rule changed"),
        Of<AlertOpened, Alert>("alert_opened", "智能预警 Alert opened"),
        Of<AlertClosed, Alert>("alert_closed", "预警解除 Alert closed"),
        Of<WebhookChannelDefined, WebhookChannel>("webhook_channel_defined", "通知渠道设置 Notification channel defined"),
        new(typeof(EvidenceExported), "evidence_exported", null, "证据包导出 Evidence bundle exported"),
        new(typeof(Access.SensitiveDataRead), "sensitive_data_read", null, "敏感信息查阅 Salary or health data read"),
    ];

    private static readonly Dictionary<string, EventEntry> ByName = All.ToDictionary(e => e.Name);

    /// <summary>The timeline heading of a stored event type; an unknown name is shown as stored.</summary>
    public static string TitleOf(string name) => ByName.TryGetValue(name, out var e) ? e.Title : name;

    /// <summary>The events a state is folded from.</summary>
    public static IEnumerable<EventEntry> Building<TState>() => All.Where(e => e.State == typeof(TState));

    private static EventEntry Of<TEvent, TState>(string name, string title) => new(typeof(TEvent), name, typeof(TState), title);
}
