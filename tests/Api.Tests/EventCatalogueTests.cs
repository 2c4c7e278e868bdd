using System.Reflection;
using EventHr.Api.Tests.Support;
using EventHr.Domain.Events;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.Extensions.DependencyInjection;

namespace EventHr.Api.Tests;

/// <summary>The one catalogue of event types is what the store, the folds and the projections all use.</summary>
[Collection(AppCollection.Name)]
public sealed class EventCatalogueTests(AppFixture fixture)
{
    [Fact]
    public void the_store_names_every_event_as_the_catalogue_does()
    {
        var events = (Marten.Events.EventGraph)((DocumentStore)fixture.Host.Services.GetRequiredService<IDocumentStore>()).Options.Events;
        foreach (var entry in EventCatalogue.All) events.EventMappingFor(entry.Type).EventTypeName.ShouldBe(entry.Name);
        EventCatalogue.All.Select(e => e.Name).ShouldBeUnique();
    }

    public static TheoryData<Type> States => new(EventCatalogue.All.Where(e => e.State is not null).Select(e => e.State!).Distinct());

    [Theory, MemberData(nameof(States))]
    public void every_event_of_a_state_is_handled_by_its_fold_and_by_its_projection(Type state)
    {
        var listed = EventCatalogue.All.Where(e => e.State == state).Select(e => e.Type).ToHashSet();
        var folded = (IReadOnlyCollection<Type>)typeof(Fold<>).MakeGenericType(state).GetProperty(nameof(Fold<object>.EventTypes))!.GetValue(null)!;
        var projection = typeof(Projections.Notifications.Notification).Assembly.GetTypes()
            .Single(t => t.BaseType == typeof(SingleStreamProjection<,>).MakeGenericType(state, typeof(string)));
        var projected = projection.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name is "Create" or "Apply").Select(m => m.GetParameters()[0].ParameterType).ToHashSet();

        folded.ShouldBe(listed, ignoreOrder: true);
        projected.ShouldBe(listed, ignoreOrder: true);
    }

    [Fact]
    public void every_timeline_heading_is_bilingual()
    {
        foreach (var entry in EventCatalogue.All)
        {
            entry.Title.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", entry.Name);
            entry.Title.ShouldMatch("[A-Za-z]{3,}", entry.Name);
        }
    }
}
