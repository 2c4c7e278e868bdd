using R = EventHr.Domain.Access.Roles;

namespace EventHr.Api.Infrastructure;

/// <summary>The roles a token may carry (Domain.Access.Roles), and the lists [Authorize(Roles = ...)] takes.</summary>
public static class Roles
{
    public const string Hr = R.Hr;
    public const string Manager = R.Manager;
    public const string Employee = R.Employee;
    public const string Auditor = R.Auditor;
    public const string Integration = R.Integration;
    public const string Admin = R.Admin;

    public const string MasterData = Hr + "," + Admin;
    public const string Ingest = Integration + "," + Hr + "," + Admin;
    public const string ReadStaff = Hr + "," + Manager + "," + Auditor + "," + Admin;
    /// <summary>Case lists: staff readers, and an employee for their own case.</summary>
    public const string ReadCases = ReadStaff + "," + Employee;
    public const string Acknowledge = Employee + "," + Hr + "," + Admin;
    public const string CaseWork = Hr + "," + Manager + "," + Admin;
    public const string LegalDecisions = Hr + "," + Admin;
    public const string Evidence = Hr + "," + Auditor + "," + Admin;
}
