using EventHr.Domain.Staff;
using Marten.Events.Aggregation;

namespace EventHr.Projections.Staff;

/// <summary>The employee profile: contract, post, salary history, acknowledgements, protections.</summary>
public partial class EmployeeProjection : SingleStreamProjection<Employee, string>
{
    public Employee Create(EmployeeHired e) => Employee.Create(e);
    public Employee Apply(StandardAcknowledged e, Employee current) => current.Apply(e);
    public Employee Apply(ProtectionRecorded e, Employee current) => current.Apply(e);
    public Employee Apply(PostChanged e, Employee current) => current.Apply(e);
    public Employee Apply(SalaryChanged e, Employee current) => current.Apply(e);
    public Employee Apply(EmploymentEnded e, Employee current) => current.Apply(e);
    public Employee Apply(EmploymentFactsRecorded e, Employee current) => current.Apply(e);
    public Employee Apply(EmploymentEndPostponed e, Employee current) => current.Apply(e);
    public Employee Apply(PayAgreementSigned e, Employee current) => current.Apply(e);
    public Employee Apply(Domain.Staff.Employment.HiringConditionsAcknowledged e, Employee current) => current.Apply(e);
}
