using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using EventHr.Api.Audit;
using EventHr.Api.Infrastructure;
using EventHr.Domain.Common;
using EventHr.Domain.Evidence;
using EventHr.Domain.Evidence.Bundles;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace EventHr.Api.Evidence;

public static class EvidenceEndpoint
{
    /// <summary>
    /// Exports the arbitration bundle (仲裁证据包) of an employee's case (the latest when <c>caseId</c> is omitted), as
    /// the store stood at <c>asOf</c> (now when omitted). JSON by default; <c>Accept: text/html</c> gives a
    /// printable page and <c>?format=pdf</c> a PDF. Every export is recorded as an event with the SHA-256
    /// of the bytes handed out (also in the <c>X-Content-SHA256</c> header).
    /// </summary>
    [WolverineGet("/api/employees/{employeeId}/evidence", OperationId = "evidenceBundle"), Authorize(Roles = Roles.Evidence), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Expensive)]
    [Tags("Evidence and audit")]
    [ProducesResponseType<EvidenceBundle>(200, "application/json", "text/html", "application/pdf")]
    public static async Task<IResult> Get(string employeeId, string? caseId, string? asOf, string? format, HttpContext http,
        IQuerySession session, IDocumentStore store, EvidenceReader reader, EvidencePdf pdf, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        AsOf.TryParse(asOf, errors, out var at);
        var chosen = Formats.Choose(format, http.Request.Headers.Accept.ToString(), errors);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        if (chosen == Formats.Pdf && pdf.Unavailable is { } why)
            return Results.Problem(why, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF unavailable");

        // An employee outside the caller's brands is answered as an unknown one.
        var subject = await session.LoadAsync<Domain.Staff.Employee>(StreamKeys.Employee(employeeId), ct);
        if (subject is not null && !user.Scope().Audits(subject.BrandId))
            return Problems.NotFound($"no employee '{employeeId}'{(at is null ? "" : " as of that instant")}");
        var actor = user.ActorFor(Roles.Auditor, Roles.Hr, Roles.Admin);
        var now = clock.GetUtcNow();
        var input = await reader.ReadAsync(session, new EvidenceReader.Request(employeeId, caseId, at, actor.UserId, now), ct);
        if (!input.IsOk) return Problems.From(input.Refusal!);
        var bundle = EvidenceBundles.Build(input.Value!);

        var (bytes, contentType) = chosen switch
        {
            Formats.Html => (EvidenceHtml.Render(bundle, json.Value.SerializerOptions), "text/html; charset=utf-8"),
            Formats.Pdf => (pdf.Render(bundle, json.Value.SerializerOptions), "application/pdf"),
            _ => (JsonSerializer.SerializeToUtf8Bytes(bundle, json.Value.SerializerOptions), "application/json; charset=utf-8")
        };
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // The export is also a read of the employee's salary and health data, recorded in the same commit.
        await RecordExport(http, store, new EvidenceExported(employeeId, bundle.CaseId, at, chosen, sha, actor.UserId,
            user.FindAll("role").Select(c => c.Value).ToList(), now),
            session => AccessLog.Record(session, user, subject!.Person(), $"evidence bundle ({chosen}): salary, severance and protected statuses", now), ct);

        http.Response.Headers["X-Content-SHA256"] = sha;
        return chosen == Formats.Pdf
            ? Results.File(bytes, contentType, $"evidence-{employeeId}{(bundle.CaseId is null ? "" : "-" + bundle.CaseId)}.pdf")
            : Results.Bytes(bytes, contentType);
    }

    /// <summary>
    /// Appends the export record on a session of its own, retried when two exports of the same employee
    /// race for the next version: reading a bundle never fails because someone else read it too. The
    /// framework's transaction cannot do this: Wolverine retries messages, not HTTP requests, and the
    /// bytes (whose hash the record holds) exist only after the bundle is rendered
    /// (EvidenceTests.simultaneous_exports_of_one_employee_all_succeed_and_are_all_recorded covers it).
    /// </summary>
    private static async Task RecordExport(HttpContext http, IDocumentStore store, EvidenceExported export, Action<IDocumentSession> alsoRecord,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            RequestAudit.Stamp(http, session);
            session.Events.Append(EvidenceExported.StreamKey(export.EmployeeId), export);
            alsoRecord(session);
            try
            {
                await session.SaveChangesAsync(ct);
                return;
            }
            catch (Exception e) when (attempt < 5 && IsRace(e))
            {
                await Task.Delay(10 * attempt, ct);
            }
        }
    }

    /// <summary>Two first exports both creating the stream (a unique violation on it), or appending at the same version.</summary>
    private static bool IsRace(Exception e) => e is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException
        || e is Marten.Exceptions.MartenCommandException { InnerException: Npgsql.PostgresException { SqlState: "23505" } };

    private static class Formats
    {
        public const string Json = "json";
        public const string Html = "html";
        public const string Pdf = "pdf";

        public static string Choose(string? format, string accept, FieldErrors errors)
        {
            if (format is not null)
            {
                if (format is Json or Html or Pdf) return format;
                errors.Add("format", "must be json, html or pdf");
                return Json;
            }
            return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) ? Html : Json;
        }
    }
}
