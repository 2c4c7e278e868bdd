using System.Text.Encodings.Web;
using System.Text.Json;
using EventHr.Api.Evidence.Pdf;
using EventHr.Domain.Evidence.Bundles;
using PdfSharp.Drawing;

namespace EventHr.Api.Evidence;

/// <summary>The bundle as a PDF: the same sections as the printable page, Chinese rendered with an embedded CJK font.</summary>
public sealed class EvidencePdf
{
    private readonly EvidenceFonts _fonts;

    public EvidencePdf(EvidenceFonts fonts) => _fonts = fonts;

    /// <summary>Why no PDF can be made on this machine, or null.</summary>
    public string? Unavailable => _fonts.Missing();

    public byte[] Render(EvidenceBundle b, JsonSerializerOptions json)
    {
        EvidenceFonts.Install(_fonts);   // here, not at start-up: fonts installed after the API started still work
        var compact = new JsonSerializerOptions(json) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var pdf = new PdfLayout($"{b.Title} — {b.EmployeeName} ({b.EmployeeId})");
        pdf.Line(b.Title, 16, bold: true);
        pdf.Line($"员工 Employee: {b.EmployeeName} ({b.EmployeeId})    案件 Case: {b.CaseId ?? "—"}");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(b.TimeZone);
        string Local(DateTimeOffset at) => EvidenceBundles.Local(at, zone);
        pdf.Line($"截至 As of: {(b.AsOf is { } asOf ? Local(asOf) : "导出时 at export")}    导出 Exported: {Local(b.GeneratedAt)} by {b.GeneratedBy}    时区 Time zone: {b.TimeZone}");

        pdf.Heading($"法律要件清单 Legal checklist — {(b.ChecklistSatisfied ? "全部满足 all satisfied" : "有缺失 elements missing")}");
        pdf.Line(b.ChecklistNote, 7.5);
        foreach (var e in b.Checklist)
        {
            pdf.Line($"[{(e.Satisfied ? "满足 met" : "缺失 MISSING")}] {e.Label}", bold: !e.Satisfied,
                brush: e.Satisfied ? XBrushes.DarkGreen : XBrushes.DarkRed);
            pdf.Line($"{e.Code} · {e.Guard}{(e.Evidence.Count > 0 ? " · " + string.Join(", ", e.Evidence) : "")}{(e.Note is null ? "" : " · " + e.Note)}", 7.5, indent: 12);
        }

        var hire = b.AtHire;
        pdf.Heading("入职与合同 Contract terms and post at hire");
        pdf.Line($"{hire.HiredOn:yyyy-MM-dd} · {hire.BrandId} · {hire.Region} · {hire.Department} · {hire.PostId} · 月薪 {hire.MonthlySalary:0.00} · " +
                 $"薪随岗变 pay follows post: {(hire.Contract.PayAdjustableWithPost ? "yes" : "no")} · floor {hire.Contract.MonthlySalaryFloor?.ToString("0.00") ?? "—"}");

        pdf.Heading("时间线 Timeline");
        foreach (var t in b.Timeline)
        {
            pdf.Line($"{t.LocalTime}  {t.Title}  ({t.Actor})", bold: true);
            pdf.Line($"{t.Ref}  {t.Hash ?? "(not sealed)"}", 6.5, indent: 12, brush: XBrushes.DimGray);
            pdf.Line(JsonSerializer.Serialize(t.Data, t.Data.GetType(), compact), 7, indent: 12);
        }

        pdf.Heading("考核数据 Daily tallies");
        foreach (var p in b.Periods)
        {
            pdf.Line($"{p.Label}: {p.From:yyyy-MM-dd} – {p.Until:yyyy-MM-dd} · {p.PostId}", bold: true);
            foreach (var d in p.Days)
                pdf.Line($"{d.Date:yyyy-MM-dd}  {d.SourceId}  {EvidenceHtml.Figures(d.Metrics)}  [{d.Status}{(d.CorrectedBy is null ? "" : " → " + d.CorrectedBy)}]  {d.BatchStream} {d.BatchHash}", 7, indent: 12);
        }

        pdf.Heading("决定后的数据更正 Corrections made after decisions");
        if (b.CorrectionsAfterDecisions.Count == 0) pdf.Line("无 None.");
        foreach (var c in b.CorrectionsAfterDecisions)
            pdf.Line($"{c.DecisionType} {c.DecisionRef} ({Local(c.DecidedAt)}): {c.Date:yyyy-MM-dd} {c.OldSourceId} [{EvidenceHtml.Figures(c.OldValues)}] → {c.NewSourceId} [{EvidenceHtml.Figures(c.NewValues)}] at {Local(c.CorrectedAt)}", 8);

        if (b.Termination is { } term)
        {
            pdf.Heading("解除劳动合同 Termination, notice and severance");
            pdf.Line($"工会通知 union notified {term.UnionNotifiedOn:yyyy-MM-dd} · 通知送达 notice served {term.NoticeServedOn:yyyy-MM-dd} ({term.NoticeKind}) · 生效 effective {term.EffectiveOn:yyyy-MM-dd}");
            pdf.Line($"代通知金 pay in lieu {term.PayInLieu:0.00} · 经济补偿 severance {term.Severance.Amount:0.00}: {term.Severance.Explanation}");
        }

        var i = b.Integrity;
        pdf.Heading($"完整性 Integrity ({i.Algorithm}) — {(i.AllValid ? "全部有效 all chains valid" : "链条断裂 a chain is BROKEN")}");
        pdf.Line(i.HowToVerify, 8);
        foreach (var c in i.Chains)
            pdf.Line($"{c.StreamId}: {c.Events.Count} events, head {c.Head} — {(c.Verdict.Valid ? "valid" : $"BROKEN at v{c.Verdict.BrokenAt}: {c.Verdict.Reason}")}", 7.5);
        foreach (var t in i.TallyBatches) pdf.Line($"{t.StreamId}: {t.Hash ?? "(not sealed)"}", 7);

        pdf.Heading("此前导出 Previous exports");
        if (b.PreviousExports.Count == 0) pdf.Line("无 None.");
        foreach (var x in b.PreviousExports)
            pdf.Line($"{Local(x.ExportedAt)}  {x.ExportedBy}  {x.CaseId ?? "—"}  {x.Format}  {x.ContentSha256}", 7.5);
        return pdf.Save();
    }
}
