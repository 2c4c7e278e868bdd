namespace EventHr.Domain.Evidence;

/// <summary>
/// A bundle was read (stream "evidence:{employeeId}"): who exported what and when, with the SHA-256 of
/// the exact bytes handed out, so a copy produced in arbitration can be matched to its export.
/// </summary>
public sealed record EvidenceExported(string EmployeeId, string? CaseId, DateTimeOffset? AsOf, string Format, string ContentSha256,
    string ExportedBy, IReadOnlyList<string> Roles, DateTimeOffset ExportedAt)
{
    public static string StreamKey(string employeeId) => $"evidence:{employeeId}";
}
