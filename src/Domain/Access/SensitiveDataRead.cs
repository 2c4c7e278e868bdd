namespace EventHr.Domain.Access;

/// <summary>
/// Someone read another person's salary or health data (PIPL: sensitive personal information, access
/// recorded). Stream <c>access:{employeeId}</c>; the correlation id of the request is on the event.
/// </summary>
public sealed record SensitiveDataRead(string EmployeeId, string What, string ReadBy, string Role, DateTimeOffset ReadAt)
{
    public static string StreamKey(string employeeId) => $"access:{employeeId}";
}
