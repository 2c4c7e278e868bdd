using EventHr.Domain.Law.Figures;
using Marten.Events.Aggregation;

namespace EventHr.Projections.Law;

/// <summary>A city's dated law figures (minimum and average monthly wage), folded by the book's own methods.</summary>
public partial class LawFigureBookProjection : SingleStreamProjection<LawFigureBook, string>
{
    public LawFigureBook Create(LawFigureRecorded e) => LawFigureBook.Create(e);
    public LawFigureBook Apply(LawFigureRecorded e, LawFigureBook current) => current.Apply(e);
}
