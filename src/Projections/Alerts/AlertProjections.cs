using EventHr.Domain.Alerts;
using Marten.Events.Aggregation;

namespace EventHr.Projections.Alerts;

/// <summary>Each alert's state (stream "alert:{alertId}").</summary>
public partial class AlertProjection : SingleStreamProjection<Alert, string>
{
    public Alert Create(AlertOpened e) => Alert.Create(e);
    public Alert Apply(AlertClosed e, Alert current) => current.Apply(e);
}

/// <summary>The alert rules in force (stream "alert-rules").</summary>
public partial class AlertRuleBookProjection : SingleStreamProjection<AlertRuleBook, string>
{
    public AlertRuleBook Create(AlertRuleSet e) => AlertRuleBook.Create(e);
    public AlertRuleBook Apply(AlertRuleSet e, AlertRuleBook current) => current.Apply(e);
}
