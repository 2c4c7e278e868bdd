using EventHr.Domain.Staff;
using EventHr.Domain.Standards;

namespace EventHr.Domain.Law;

/// <summary>
/// G1: an assessment counts only under a standard version that was published before the period
/// began and acknowledged by the employee before it began — the acknowledgement's own day counts (the employer must
/// prove the employee knew the bar while the period ran, not after).
/// </summary>
public static class StandardProvenance
{
    public const string Guard = "g1-standard-not-acknowledged";

    public static LegalElement Check(Employee employee, Standard? standard, string brandId, string postId, DateOnly periodFrom,
        string codePrefix = "standard")
    {
        var version = standard?.InForceOn(periodFrom);
        var label = $"标准已公示并经员工确认 standard {brandId}/{postId} published before {periodFrom:yyyy-MM-dd} and acknowledged";
        if (version is null)
            return LegalElement.Missing($"{codePrefix}-published", Guard, label, $"no standard of {brandId}/{postId} in force on {periodFrom:yyyy-MM-dd}");
        if (version.PublishedOn > periodFrom)
            return LegalElement.Missing($"{codePrefix}-published", Guard, label, $"version {version.Version} was published after the period began");
        if (!employee.HasAcknowledged(brandId, postId, version.Version))
            return LegalElement.Missing($"{codePrefix}-acknowledged", Guard, label,
                $"{employee.EmployeeId} has not acknowledged {brandId}/{postId} version {version.Version}");
        var acknowledgedOn = employee.Acknowledgements.Where(a => a.BrandId == brandId && a.PostId == postId && a.StandardVersion == version.Version)
            .Min(a => a.Day);
        if (acknowledgedOn > periodFrom)
            return LegalElement.Missing($"{codePrefix}-acknowledged", Guard, label,
                $"acknowledged on {acknowledgedOn:yyyy-MM-dd}, after the period began on {periodFrom:yyyy-MM-dd}");
        return LegalElement.Met($"{codePrefix}-acknowledged", Guard, label,
            [$"standard:{brandId}:{postId}#v{version.Version}", $"employee:{employee.EmployeeId}#acknowledged-v{version.Version}"]);
    }

    public static int? VersionFor(Standard? standard, DateOnly periodFrom) => standard?.InForceOn(periodFrom)?.Version;
}
