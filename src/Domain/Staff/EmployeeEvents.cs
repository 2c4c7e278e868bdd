using EventHr.Domain.Staff.Employment;

namespace EventHr.Domain.Staff;

/// <summary>Contract terms that later decide whether pay may follow a change of post (Art. 35).</summary>
public sealed record ContractTerms(bool PayAdjustableWithPost, decimal? MonthlySalaryFloor);

public sealed record EmployeeHired(string EmployeeId, string Name, string BrandId, string Region, string Department,
    string PostId, string ManagerId, string HrId, DateOnly HiredOn, decimal MonthlySalary, ContractTerms Contract,
    string HiredBy, DateTimeOffset RecordedAt, EmploymentFacts? Employment = null);

/// <summary>The employment facts (person, city, contract term, probation, hiring conditions) as corrected or renewed from now on.</summary>
public sealed record EmploymentFactsRecorded(string EmployeeId, EmploymentFacts Employment, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// The employee confirmed the written requirements of a post (G1: a standard binds only once it
/// was published before the period and acknowledged). Via "self" or "paper" (HR recording a signed form).
/// </summary>
/// <param name="OnDay">the business day of the acknowledgement in the brand's zone (G1 compares days)</param>
public sealed record StandardAcknowledged(string EmployeeId, string BrandId, string PostId, int StandardVersion,
    string Via, string RecordedBy, DateTimeOffset RecordedAt, DateOnly? OnDay = null);

/// <summary>A protected status of Art. 42 / 45 (pregnancy, medical treatment, work injury...), with its dates.</summary>
public sealed record ProtectionRecorded(string EmployeeId, string Kind, DateOnly From, DateOnly? To,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The employee's post changed from a date (a reassignment decided in a case, or an HR transfer).</summary>
public sealed record PostChanged(string EmployeeId, string FromPostId, string ToPostId, DateOnly EffectiveOn, string? CaseId,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// Art. 35: the employee agreed in writing to a new monthly wage from a date — signed by themself through the API, or a
/// signed paper HR records. A pay cut by agreement names this record; a reference alone proves nothing.
/// </summary>
public sealed record PayAgreementSigned(string EmployeeId, string Reference, decimal NewMonthlySalary, DateOnly EffectiveOn, DateOnly SignedOn,
    string Via, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The monthly wage changed from a date; Basis says what allowed it (Art. 35).</summary>
public sealed record SalaryChanged(string EmployeeId, decimal PreviousMonthlySalary, decimal NewMonthlySalary, DateOnly EffectiveOn,
    string Basis, string? ConsentRef, string? CaseId, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// Art. 42 / 45: a protected status that began before a notified end (an art. 40 notice, a contract's end) postpones it
/// until the status ends (it then ends with it); <c>NewEndOn</c> is null while the status has no end date (HR records the end once known).
/// </summary>
public sealed record EmploymentEndPostponed(string EmployeeId, string Kind, DateOnly StatusFrom, DateOnly? StatusTo, DateOnly PreviousEndOn,
    DateOnly? NewEndOn, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The employment ends on a date (termination, resignation, contract end).</summary>
/// <param name="Severance">what is owed for a contract's end (art. 46(5), 47), with the figures used; null when none is owed</param>
/// <param name="SeveranceNote">why none is owed, when so (a renewal refused on the same terms, part-time work)</param>
public sealed record EmploymentEnded(string EmployeeId, string Kind, DateOnly EffectiveOn, string Reason, string? CaseId,
    string RecordedBy, DateTimeOffset RecordedAt, Cases.SeveranceCalculation? Severance = null, string? SeveranceNote = null);
