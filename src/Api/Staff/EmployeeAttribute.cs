using Wolverine.Marten;
using Wolverine.Persistence;

namespace EventHr.Api.Staff;

/// <summary>
/// The employee a command acts on, loaded for writing by Wolverine's aggregate workflow from the stream
/// the endpoint's <c>EmployeeStream(employeeId)</c> names, appended at the version read, 404 when unknown.
/// </summary>
public sealed class EmployeeAttribute : WriteAggregateAttribute
{
    public const string Missing = "There is no employee {Id}.";

    public EmployeeAttribute()
    {
        FromMethod = "EmployeeStream";
        OnMissing = OnMissing.ProblemDetailsWith404;
        MissingMessage = Missing;
    }
}
