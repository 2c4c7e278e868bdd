using EventHr.Domain.Common;

namespace EventHr.Domain.Organisation;

public sealed record DefinePost(string PostId, string? Name, string? Family, PayBand? PayBand, IReadOnlyList<string>? CompatiblePosts);

/// <summary>A job post (岗位), e.g. ops 运营 or cs 客服, with its family and published pay band.</summary>
/// <remarks><c>Id</c> is the stream key (document identity); <c>PostId</c> the business id.</remarks>
/// <param name="PayBandSince">when the band took its present figures (G10: a band revised after a finding cannot justify that case's cut)</param>
public sealed record Post(string Id, string PostId, string Name, string Family, PayBand PayBand, IReadOnlyList<string> CompatiblePosts,
    DateTimeOffset? PayBandSince = null)
{
    public static Post Create(PostDefined e) => new(StreamKeys.Post(e.PostId), e.PostId, e.Name, e.Family, e.PayBand, e.CompatiblePosts, e.DefinedAt);

    public Post Apply(PostRevised e) => this with
    {
        Name = e.Name, Family = e.Family, PayBand = e.PayBand, CompatiblePosts = e.CompatiblePosts,
        PayBandSince = e.PayBand == PayBand ? PayBandSince : e.RevisedAt
    };

    public static FieldErrors Validate(DefinePost cmd)
    {
        var errors = new FieldErrors();
        Ids.Require(errors, cmd.PostId, "postId");
        errors.RequireText(cmd.Name, "name");
        Ids.Require(errors, cmd.Family, "family");
        if (cmd.PayBand is null) errors.Add("payBand", "is required");
        else
        {
            errors.Require(cmd.PayBand.Min > 0, "payBand.min", "must be greater than 0");
            errors.Require(cmd.PayBand.Max >= cmd.PayBand.Min, "payBand.max", "must be at least payBand.min");
        }
        var compatible = cmd.CompatiblePosts ?? [];
        if (compatible.Count > 50) errors.Add("compatiblePosts", "must hold at most 50 posts");
        else for (var i = 0; i < compatible.Count; i++)
        {
            if (!Ids.IsValid(compatible[i])) errors.Add($"compatiblePosts[{i}]", "is not a valid post id");
            else if (compatible[i] == cmd.PostId) errors.Add($"compatiblePosts[{i}]", "a post cannot list itself");
        }
        return errors;
    }

    public static object? Decide(Post? current, DefinePost cmd, Actor actor, DateTimeOffset now)
    {
        var compatible = (cmd.CompatiblePosts ?? []).Distinct().ToArray();
        if (current is null)
            return new PostDefined(cmd.PostId, cmd.Name!.Trim(), cmd.Family!, cmd.PayBand!, compatible, actor.UserId, now);
        if (current.Name == cmd.Name!.Trim() && current.Family == cmd.Family && current.PayBand == cmd.PayBand
            && current.CompatiblePosts.SequenceEqual(compatible)) return null;
        return new PostRevised(cmd.PostId, cmd.Name.Trim(), cmd.Family!, cmd.PayBand!, compatible, actor.UserId, now);
    }
}
