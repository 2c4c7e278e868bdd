using Marten;

namespace EventHr.Api.Infrastructure;

/// <summary>Events the system appends on its own (rule engine, timers) say so, instead of naming no one.</summary>
public static class SystemActor
{
    public static void Stamp(IDocumentSession session, string component)
    {
        session.LastModifiedBy = $"system:{component}";
        session.SetHeader(RequestAudit.RoleHeader, "system");
    }
}
