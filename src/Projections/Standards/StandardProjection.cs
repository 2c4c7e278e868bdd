using EventHr.Domain.Standards;
using Marten.Events.Aggregation;

namespace EventHr.Projections.Standards;

/// <summary>Every version of a brand × post standard with its effective range (stream key "standard:{brand}:{post}").</summary>
public partial class StandardProjection : SingleStreamProjection<Standard, string>
{
    public Standard Create(StandardPublished e) => Standard.Create(e);
    public Standard Apply(StandardPublished e, Standard current) => current.Apply(e);
    public Standard Apply(StandardReviewed e, Standard current) => current.Apply(e);
}
