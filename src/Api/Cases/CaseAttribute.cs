using Wolverine.Marten;
using Wolverine.Persistence;

namespace EventHr.Api.Cases;

/// <summary>
/// The case a command acts on, loaded for writing by Wolverine's aggregate workflow: the stream named
/// by the endpoint's <c>CaseStream(caseId)</c>, appended at the version read, 404 when there is none.
/// </summary>
public sealed class CaseAttribute : WriteAggregateAttribute
{
    public const string Missing = "There is no performance case {Id}.";

    public CaseAttribute()
    {
        FromMethod = "CaseStream";
        OnMissing = OnMissing.ProblemDetailsWith404;
        MissingMessage = Missing;
    }
}
