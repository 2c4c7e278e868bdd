using EventHr.Domain.Organisation;
using Marten.Events.Aggregation;

namespace EventHr.Projections.Organisation;

/// <summary>Current post definition with its pay band (stream key "post:{id}").</summary>
public partial class PostProjection : SingleStreamProjection<Post, string>
{
    public Post Create(PostDefined e) => Post.Create(e);
    public Post Apply(PostRevised e, Post current) => current.Apply(e);
}
