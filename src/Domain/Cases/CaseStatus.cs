namespace EventHr.Domain.Cases;

/// <summary>Where a case stands; the API shows it in kebab-case.</summary>
public enum CaseStatus
{
    /// <summary>Warned; a plan is drafted or set but not yet acknowledged.</summary>
    PlanPending,
    /// <summary>A plan (first or second assessment) is in effect.</summary>
    PlanActive,
    /// <summary>Period missed but clearly improving: the manager decides (extend, pass, or record a finding).</summary>
    AwaitingDecision,
    /// <summary>Finding #1 recorded: training or a reassignment must follow before a second assessment (G5).</summary>
    RemedyRequired,
    /// <summary>Finding #2 after a remedy: an Art. 40(2) termination may be considered.</summary>
    TerminationPossible,
    Closed
}
