using EventHr.Domain.Access;
using EventHr.Domain.Cases;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;
using Marten;

namespace EventHr.Api.Audit;

/// <summary>
/// Whose a stream is, for the audit reads: an employee's, their evidence exports' and their cases' are
/// their brand's; a standard's and a brand's are that brand's; post definitions are everyone's. The rest
/// (tally batches, which hold many employees' rows, alerts and notification channels) are for group-wide
/// auditors, HR and admin only.
/// </summary>
public static class StreamScope
{
    public static async Task<bool> MayReadAsync(Scope scope, string streamId, IQuerySession session, CancellationToken ct)
    {
        if (scope.SeesAllBrands) return true;
        var parts = streamId.Split(':');
        var brand = parts[0] switch
        {
            "employee" or "evidence" when parts.Length == 2 =>
                (await session.LoadAsync<Employee>(StreamKeys.Employee(parts[1]), ct))?.BrandId,
            "case" when parts.Length == 2 => (await session.LoadAsync<PerformanceCase>(streamId, ct))?.BrandId,
            "standard" when parts.Length == 3 => parts[1],
            "brand" when parts.Length == 2 => parts[1],
            "post" => "",
            _ => null
        };
        return brand == "" || brand is not null && scope.Audits(brand);
    }
}
