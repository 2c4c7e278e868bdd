using EventHr.Domain.Alerts;
using EventHr.Domain.Cases;

namespace EventHr.Projections.Notifications;

/// <summary>
/// Which notifications a fact calls for. Ids derive from the case or alert and the fact, so storing
/// them twice stores them once; the projection stores them and the handlers that append the facts
/// push the same ones to webhook channels.
/// </summary>
public static class NotificationsFor
{
    public const string GroupHr = "group-hr";

    public static IReadOnlyList<Notification> Event(object e) => e switch
    {
        WarningRaised w => w.Recipients.Select(r => new Notification($"{w.CaseId}:warning:{r}", r, "performance-warning", w.CaseId,
            w.EmployeeId, w.Message, w.BusinessDate, w.RaisedAt)).ToList(),
        AssessmentDataMissing m => m.Recipients.Select(r => new Notification($"{m.CaseId}:no-data:{m.Until:yyyy-MM-dd}:{r}", r,
            "assessment-data-missing", m.CaseId, null,
            $"考核数据缺失 No tallies for case {m.CaseId} by its deadline {m.Until:yyyy-MM-dd}: please check the data feed and decide; nothing was assessed.",
            m.Until, m.EscalatedAt)).ToList(),
        AlertOpened a => [new Notification($"{a.AlertId}:opened:{GroupHr}", GroupHr, $"alert-{a.Kind}", null, null, a.Message, null, a.OpenedAt)],
        _ => []
    };
}
