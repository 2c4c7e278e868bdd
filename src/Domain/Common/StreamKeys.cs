namespace EventHr.Domain.Common;

/// <summary>
/// Event stream keys are readable strings ("employee:E1001") so an auditor can ask for a stream by
/// the business id printed on paper.
/// </summary>
public static class StreamKeys
{
    public static string Brand(string brandId) => $"brand:{brandId}";
    public static string Post(string postId) => $"post:{postId}";
    public static string Standard(string brandId, string postId) => $"standard:{brandId}:{postId}";
    public static string Employee(string employeeId) => $"employee:{employeeId}";
    public static string TallyBatch(Guid batchId) => $"tallies:{batchId:N}";
}
