namespace EventHr.Domain.Law;

/// <summary>
/// One element a tribunal will look for, satisfied or missing, with the events that prove it. The
/// same list refuses an action (422) and fills the evidence bundle's checklist.
/// </summary>
public sealed record LegalElement(string Code, string Guard, string Label, bool Satisfied, IReadOnlyList<string> Evidence, string? Note = null)
{
    public static LegalElement Met(string code, string guard, string label, IEnumerable<string> evidence, string? note = null) =>
        new(code, guard, label, true, evidence.ToList(), note);

    public static LegalElement Missing(string code, string guard, string label, string? note = null) =>
        new(code, guard, label, false, [], note);
}

public static class LegalElements
{
    /// <summary>The guard of the first missing element, and every missing element's code.</summary>
    public static (string Guard, IReadOnlyList<string> Missing)? Refusal(IReadOnlyList<LegalElement> elements)
    {
        var missing = elements.Where(e => !e.Satisfied).ToList();
        return missing.Count == 0 ? null : (missing[0].Guard, missing.Select(e => e.Code).ToList());
    }
}
