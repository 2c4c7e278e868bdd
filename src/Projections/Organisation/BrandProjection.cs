using EventHr.Domain.Organisation;
using Marten.Events.Aggregation;

namespace EventHr.Projections.Organisation;

/// <summary>Current brand profile, kept inline with each append (stream key "brand:{id}").</summary>
public partial class BrandProjection : SingleStreamProjection<Brand, string>
{
    public Brand Create(BrandRegistered e) => Brand.Create(e);
    public Brand Apply(BrandProfileRevised e, Brand current) => current.Apply(e);
}
