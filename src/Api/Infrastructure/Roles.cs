namespace EventHr.Api.Infrastructure;

/// <summary>The roles a token may carry (claim "role"); comma lists are ready for [Authorize(Roles = ...)].</summary>
public static class Roles
{
    public const string Hr = "hr";
    public const string Manager = "manager";
    public const string Employee = "employee";
    public const string Auditor = "auditor";
    public const string Integration = "integration";
    public const string Admin = "admin";

    public const string MasterData = "hr,admin";
    public const string Ingest = "integration,hr,admin";
    public const string ReadStaff = "hr,manager,auditor,admin";
    public const string Acknowledge = "employee,hr,admin";
    public const string CaseWork = "hr,manager,admin";
    public const string LegalDecisions = "hr,admin";
    public const string Evidence = "hr,auditor,admin";
}
