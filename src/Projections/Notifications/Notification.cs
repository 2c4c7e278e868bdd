namespace EventHr.Projections.Notifications;

/// <summary>A message stored for a person (HR partner, department head, group HR), derived from the fact that caused it.</summary>
public sealed record Notification(string Id, string Recipient, string Kind, string? CaseId, string? EmployeeId, string Message,
    DateOnly? BusinessDate, DateTimeOffset CreatedAt, string? Department = null, string? BrandId = null);
