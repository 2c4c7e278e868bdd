using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EventHr.Domain.Evidence.Bundles;
using EventHr.Domain.Kpi;

namespace EventHr.Api.Evidence;

/// <summary>The bundle as a printable page (A4, headings in Chinese and English, times in the employee's zone).</summary>
public static class EvidenceHtml
{
    public static byte[] Render(EvidenceBundle b, JsonSerializerOptions json)
    {
        var details = new JsonSerializerOptions(json) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var zone = TimeZoneInfo.FindSystemTimeZoneById(b.TimeZone);
        string Local(DateTimeOffset at) => EvidenceBundles.Local(at, zone);
        var h = new StringBuilder();
        h.Append($"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{E(b.Title)} — {E(b.EmployeeName)}</title>
            <style>
              @page {"{"} size: A4; margin: 15mm {"}"}
              body {"{"} font-family: "Noto Sans CJK SC", "Droid Sans Fallback", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #111 {"}"}
              h1 {"{"} font-size: 16pt {"}"} h2 {"{"} font-size: 12.5pt; border-bottom: 1px solid #999; margin-top: 18pt; page-break-after: avoid {"}"}
              table {"{"} border-collapse: collapse; width: 100%; margin: 4pt 0 {"}"} th, td {"{"} border: 1px solid #bbb; padding: 2pt 4pt; vertical-align: top; text-align: left {"}"}
              tr {"{"} page-break-inside: avoid {"}"} .met {"{"} color: #116611 {"}"} .missing {"{"} color: #b00000; font-weight: bold {"}"}
              pre {"{"} white-space: pre-wrap; font-size: 7.5pt; margin: 0 {"}"} .hash {"{"} font-family: monospace; font-size: 7pt; word-break: break-all {"}"}
            </style></head><body>
            <h1>{E(b.Title)}</h1>
            <table>
            <tr><th>员工 Employee</th><td>{E(b.EmployeeName)} ({E(b.EmployeeId)})</td><th>案件 Case</th><td>{E(b.CaseId ?? "—")}</td></tr>
            <tr><th>截至 As of</th><td>{E(b.AsOf is { } asOf ? Local(asOf) : "导出时 at export")}</td><th>导出 Exported</th><td>{E(Local(b.GeneratedAt))} · {E(b.GeneratedBy)}</td></tr>
            <tr><th>时区 Time zone</th><td>{E(b.TimeZone)}</td><th>清单 Checklist</th><td class="{(b.ChecklistSatisfied ? "met" : "missing")}">{(b.ChecklistSatisfied ? "全部满足 all satisfied" : "有缺失 elements missing")}</td></tr>
            </table>
            <h2>法律要件清单 Legal checklist (art. 40(2), G1–G11)</h2><p><small>{E(b.ChecklistNote)}</small></p>
            <table><tr><th>要件 Element</th><th>状态 Status</th><th>证据 Evidence</th><th>说明 Note</th></tr>
            """);
        foreach (var e in b.Checklist)
            h.Append($"<tr><td>{E(e.Label)}<br><small>{E(e.Code)} · {E(e.Guard)}</small></td><td class=\"{(e.Satisfied ? "met" : "missing")}\">{(e.Satisfied ? "✔ 满足 satisfied" : "✘ 缺失 missing")}</td><td>{E(string.Join(", ", e.Evidence))}</td><td>{E(e.Note ?? "")}</td></tr>");
        h.Append("</table>");

        var hire = b.AtHire;
        h.Append($"""
            <h2>入职与合同 Contract terms and post at hire</h2>
            <table><tr><th>入职日期 Hired on</th><td>{hire.HiredOn:yyyy-MM-dd}</td><th>品牌 Brand</th><td>{E(hire.BrandId)}</td><th>地区 Region</th><td>{E(hire.Region)}</td></tr>
            <tr><th>部门 Department</th><td>{E(hire.Department)}</td><th>岗位 Post</th><td>{E(hire.PostId)}</td><th>月薪 Monthly salary</th><td>{hire.MonthlySalary:0.00}</td></tr>
            <tr><th>薪随岗变 Pay follows post</th><td>{(hire.Contract.PayAdjustableWithPost ? "是 yes" : "否 no")}</td><th>合同最低月薪 Contract floor</th><td colspan="3">{hire.Contract.MonthlySalaryFloor?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—"}</td></tr></table>
            <h2>时间线 Timeline (every event, in time order)</h2>
            <table><tr><th>时间 Time</th><th>事件 Event</th><th>记录人 By</th><th>内容 Content</th></tr>
            """);
        foreach (var t in b.Timeline)
            h.Append($"<tr><td>{E(t.LocalTime)}</td><td>{E(t.Title)}<br><small>{E(t.Ref)}</small><div class=\"hash\">{E(t.Hash ?? "(not sealed)")}</div></td><td>{E(t.Actor)}</td><td><pre>{E(JsonSerializer.Serialize(t.Data, t.Data.GetType(), details))}</pre></td></tr>");
        h.Append("</table>");

        h.Append("<h2>考核数据 Daily tallies of the warning and assessment periods</h2>");
        foreach (var p in b.Periods)
        {
            h.Append($"<h3>{E(p.Label)}: {p.From:yyyy-MM-dd} – {p.Until:yyyy-MM-dd} · {E(p.PostId)}</h3><table><tr><th>日期 Date</th><th>来源 Source id</th><th>数据 Figures</th><th>状态 Status</th><th>批次 Batch (hash)</th></tr>");
            foreach (var d in p.Days)
                h.Append($"<tr><td>{d.Date:yyyy-MM-dd}</td><td>{E(d.SourceId)}</td><td>{E(Figures(d.Metrics))}</td><td>{E(d.Status)}{(d.CorrectedBy is null ? "" : $" → {E(d.CorrectedBy)}")}</td><td class=\"hash\">{E(d.BatchStream)}<br>{E(d.BatchHash ?? "")}</td></tr>");
            h.Append("</table>");
        }

        h.Append("<h2>决定后的数据更正 Corrections made after decisions</h2>");
        if (b.CorrectionsAfterDecisions.Count == 0) h.Append("<p>无 None.</p>");
        else
        {
            h.Append("<table><tr><th>决定 Decision</th><th>日期 Day</th><th>原值 Old</th><th>新值 New</th><th>更正时间 Corrected at</th></tr>");
            foreach (var c in b.CorrectionsAfterDecisions)
                h.Append($"<tr><td>{E(c.DecisionType)} {E(c.DecisionRef)}<br>{E(Local(c.DecidedAt))}</td><td>{c.Date:yyyy-MM-dd}</td><td>{E(c.OldSourceId)}: {E(Figures(c.OldValues))}</td><td>{E(c.NewSourceId)}: {E(Figures(c.NewValues))}</td><td>{E(Local(c.CorrectedAt))}</td></tr>");
            h.Append("</table>");
        }

        if (b.Termination is { } term)
            h.Append($"""
                <h2>解除劳动合同 Termination, notice and severance</h2>
                <table><tr><th>工会通知 Union notified</th><td>{term.UnionNotifiedOn:yyyy-MM-dd}</td><th>通知送达 Notice served</th><td>{term.NoticeServedOn:yyyy-MM-dd} ({E(term.NoticeKind)})</td></tr>
                <tr><th>生效日 Effective</th><td>{term.EffectiveOn:yyyy-MM-dd}</td><th>代通知金 Pay in lieu</th><td>{term.PayInLieu:0.00}</td></tr>
                <tr><th>经济补偿 Severance</th><td colspan="3">{term.Severance.Amount:0.00} — {E(term.Severance.Explanation)}</td></tr></table>
                """);

        var i = b.Integrity;
        h.Append($"""
            <h2>完整性 Integrity ({E(i.Algorithm)}) — {(i.AllValid ? "<span class=\"met\">全部有效 all chains valid</span>" : "<span class=\"missing\">链条断裂 a chain is broken</span>")}</h2>
            <p>{E(i.HowToVerify)}</p>
            <table><tr><th>事件流 Stream</th><th>事件数 Events</th><th>链头 Head</th><th>核验 Verified at export</th></tr>
            """);
        foreach (var c in i.Chains)
            h.Append($"<tr><td>{E(c.StreamId)}</td><td>{c.Events.Count}</td><td class=\"hash\">{E(c.Head ?? "")}</td><td class=\"{(c.Verdict.Valid ? "met" : "missing")}\">{(c.Verdict.Valid ? "valid" : $"broken at v{c.Verdict.BrokenAt}: {E(c.Verdict.Reason ?? "")}")}</td></tr>");
        h.Append("</table><table><tr><th>数据批次 Tally batch</th><th>哈希 Hash</th></tr>");
        foreach (var t in i.TallyBatches) h.Append($"<tr><td>{E(t.StreamId)}</td><td class=\"hash\">{E(t.Hash ?? "(not sealed)")}</td></tr>");
        h.Append("</table>");
        h.Append("<h2>此前导出 Previous exports of this employee's evidence</h2>");
        if (b.PreviousExports.Count == 0) h.Append("<p>无 None.</p>");
        else
        {
            h.Append("<table><tr><th>时间 When</th><th>导出人 By</th><th>案件 Case</th><th>格式 Format</th><th>SHA-256</th></tr>");
            foreach (var x in b.PreviousExports)
                h.Append($"<tr><td>{E(Local(x.ExportedAt))}</td><td>{E(x.ExportedBy)}</td><td>{E(x.CaseId ?? "—")}</td><td>{E(x.Format)}</td><td class=\"hash\">{E(x.ContentSha256)}</td></tr>");
            h.Append("</table>");
        }
        h.Append("</body></html>");
        return Encoding.UTF8.GetBytes(h.ToString());
    }

    /// <summary>The figures a tally carries, e.g. "orders 2 · visitors 150 · revenue 190.00".</summary>
    public static string Figures(RawMetrics m)
    {
        var parts = new List<string>();
        void Add(string name, object? value) { if (value is not null) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {value}")); }
        Add("orders", m.Orders); Add("visitors", m.Visitors); Add("revenue", m.Revenue); Add("repeat", m.RepeatOrders);
        Add("clicks", m.Clicks); Add("response s", m.AvgResponseSeconds); Add("csat", m.Csat); Add("dwell s", m.DwellSeconds);
        return string.Join(" · ", parts);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
