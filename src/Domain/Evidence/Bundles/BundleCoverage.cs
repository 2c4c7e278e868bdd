using EventHr.Domain.Cases;
using EventHr.Domain.Common;
using EventHr.Domain.Staff;

namespace EventHr.Domain.Evidence.Bundles;

/// <summary>
/// What a bundle covers besides the employee's and the case's own streams: every standard that bears
/// on the case (the post at hire, each post moved to, each plan's), the definitions of the posts a
/// reassignment moved between (they prove fit and band, G5 and G10). The days whose tallies it shows
/// are <see cref="EvidenceBundles.TallyRange"/>.
/// </summary>
public static class BundleCoverage
{
    public static IReadOnlyList<string> StandardStreams(IReadOnlyList<Recorded> employeeEvents, IReadOnlyList<Recorded> caseEvents)
    {
        var hire = (EmployeeHired)employeeEvents[0].Data;
        return new[] { (hire.BrandId, hire.PostId) }
            .Concat(employeeEvents.Select(e => e.Data).OfType<PostChanged>().Select(e => (hire.BrandId, e.ToPostId)))
            .Concat(caseEvents.Select(e => e.Data).OfType<PipSet>().Select(e => (e.BrandId, e.PostId)))
            .Select(p => StreamKeys.Standard(p.Item1, p.Item2)).Distinct().ToList();
    }

    public static IReadOnlyList<string> PostStreams(IReadOnlyList<Recorded> caseEvents) =>
        caseEvents.Select(e => e.Data).OfType<EmployeeReassigned>()
            .SelectMany(e => new[] { e.FromPostId, e.ToPostId }).Distinct().Select(StreamKeys.Post).ToList();
}
