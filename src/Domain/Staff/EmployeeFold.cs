namespace EventHr.Domain.Staff;

public static class EmployeeFold
{
    /// <summary>Applies any employee event as the projection does; used to rebuild the profile as it stood at an instant.</summary>
    public static Employee? Apply(Employee? e, object ev) => ev switch
    {
        EmployeeHired x => Employee.Create(x),
        StandardAcknowledged x => e!.Apply(x),
        ProtectionRecorded x => e!.Apply(x),
        PostChanged x => e!.Apply(x),
        SalaryChanged x => e!.Apply(x),
        EmploymentEnded x => e!.Apply(x),
        _ => e
    };
}
