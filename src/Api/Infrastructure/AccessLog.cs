using System.Security.Claims;
using EventHr.Domain.Access;
using Marten;

namespace EventHr.Api.Infrastructure;

/// <summary>
/// Records a read of another person's salary or health data in the same transaction as the request
/// (its correlation id and reader are stamped on the event by <see cref="RequestAudit"/>). Reading
/// one's own data is not recorded.
/// </summary>
public static class AccessLog
{
    public static void Record(IDocumentSession session, ClaimsPrincipal user, Person person, string what, DateTimeOffset now)
    {
        var scope = user.Scope();
        if (!scope.SeesSensitive(person) || scope.Self(person)) return;
        var actor = user.ActorFor(Roles.Auditor, Roles.Hr, Roles.Admin);
        session.Events.Append(SensitiveDataRead.StreamKey(person.EmployeeId), new SensitiveDataRead(person.EmployeeId, what, actor.UserId, actor.Role, now));
    }
}
