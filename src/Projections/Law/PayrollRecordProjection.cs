using EventHr.Domain.Law.Wages;
using Marten.Events.Aggregation;

namespace EventHr.Projections.Law;

/// <summary>One employee's wages due by month, folded by the record's own methods.</summary>
public partial class PayrollRecordProjection : SingleStreamProjection<PayrollRecord, string>
{
    public PayrollRecord Create(WagesDueRecorded e) => PayrollRecord.Create(e);
    public PayrollRecord Apply(WagesDueRecorded e, PayrollRecord current) => current.Apply(e);
}
