namespace EventHr.Api.Infrastructure.Contract;

/// <summary>Marks an endpoint whose action a labour-law guard may refuse: its contract declares the 422 answer.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LegalGuardedAttribute : Attribute;

/// <summary>The 422 answer: a legal precondition is missing (RFC 9457 with <c>guard</c> and <c>missing</c>).</summary>
/// <param name="Guard">the guard that refused, e.g. <c>art40-2-second-assessment-missing</c> or <c>g1-standard-not-acknowledged</c></param>
/// <param name="Missing">the evidence elements that are not in the history yet</param>
public sealed record LegalRefusal(string? Type, string Title, int Status, string? Detail, string? Instance, string Guard, IReadOnlyList<string> Missing);
