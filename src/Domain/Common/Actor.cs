namespace EventHr.Domain.Common;

/// <summary>Who did something: the authenticated user id (JWT <c>sub</c>) and the role they acted in.</summary>
public sealed record Actor(string UserId, string Role)
{
    public override string ToString() => $"{UserId} ({Role})";
}
