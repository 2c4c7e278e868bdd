namespace EventHr.Projections.Notifications;

/// <summary>A message stored for a person (HR partner, department head), derived from the case event that caused it.</summary>
public sealed record Notification(string Id, string Recipient, string Kind, string? CaseId, string? EmployeeId, string Message,
    DateOnly? BusinessDate, DateTimeOffset CreatedAt);
