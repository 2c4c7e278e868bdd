using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EventHr.Api.Evidence.Pdf;

/// <summary>
/// Flowing text on A4 pages: wraps lines, breaks pages, and draws each run of Chinese in the CJK
/// font and everything else in the Latin one (neither font covers both).
/// </summary>
public sealed class PdfLayout
{
    private const double Margin = 42;
    private readonly PdfDocument _doc = new();
    private readonly Dictionary<(double, bool), (XFont Latin, XFont Cjk)> _fonts = new();
    private readonly Dictionary<(char, double, bool), double> _widths = new();
    private XGraphics _gfx = null!;
    private PdfPage _page = null!;
    private double _y;

    public PdfLayout(string title)
    {
        _doc.Info.Title = title;
        _doc.Info.Creator = "EventHr";
        NewPage();
    }

    public void Heading(string text) { Gap(6); Line(text, 12, bold: true); Gap(2); }

    public void Gap(double points) => _y += points;

    /// <summary>Writes text wrapped to the page width; a line feed starts a new line.</summary>
    public void Line(string text, double size = 9, bool bold = false, double indent = 0, XBrush? brush = null)
    {
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
            foreach (var line in Wrap(paragraph, size, bold, _page.Width.Point - 2 * Margin - indent))
            {
                if (_y + size * 1.35 > _page.Height.Point - Margin) NewPage();
                Draw(line, size, bold, Margin + indent, brush ?? XBrushes.Black);
                _y += size * 1.35;
            }
    }

    public byte[] Save()
    {
        _gfx.Dispose();
        using var stream = new MemoryStream();
        _doc.Save(stream);
        return stream.ToArray();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _doc.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private void Draw(string line, double size, bool bold, double x, XBrush brush)
    {
        var (latin, cjk) = Fonts(size, bold);
        foreach (var (run, isCjk) in Runs(line))
        {
            var font = isCjk ? cjk : latin;
            _gfx.DrawString(run, font, brush, new XPoint(x, _y), XStringFormats.TopLeft);
            x += run.Sum(c => Width(c, size, bold));
        }
    }

    private IEnumerable<string> Wrap(string text, double size, bool bold, double max)
    {
        if (text.Length == 0) { yield return ""; yield break; }
        var start = 0;
        while (start < text.Length)
        {
            double width = 0;
            var end = start;
            var lastSpace = -1;
            while (end < text.Length && width + Width(text[end], size, bold) <= max)
            {
                if (text[end] == ' ') lastSpace = end;
                width += Width(text[end], size, bold);
                end++;
            }
            if (end < text.Length && lastSpace > start) end = lastSpace + 1;
            if (end == start) end = start + 1;
            // Never split a surrogate pair (a rare ideograph of a name, CJK Extension B).
            if (end < text.Length && char.IsLowSurrogate(text[end]) && end - 1 > start) end--;
            else if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
            yield return text[start..end].TrimEnd();
            start = end;
        }
    }

    private double Width(char c, double size, bool bold)
    {
        if (_widths.TryGetValue((c, size, bold), out var w)) return w;
        var (latin, cjk) = Fonts(size, bold);
        w = _gfx.MeasureString(c.ToString(), IsCjk(c) ? cjk : latin).Width;
        return _widths[(c, size, bold)] = w;
    }

    private (XFont, XFont) Fonts(double size, bool bold)
    {
        if (_fonts.TryGetValue((size, bold), out var f)) return f;
        var style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        return _fonts[(size, bold)] = (new XFont(EvidenceFonts.Latin, size, style, options), new XFont(EvidenceFonts.Cjk, size, style, options));
    }

    private static IEnumerable<(string Run, bool Cjk)> Runs(string line)
    {
        var start = 0;
        for (var i = 1; i <= line.Length; i++)
            if (i == line.Length || IsCjk(line[i]) != IsCjk(line[start]))
            {
                yield return (line[start..i], IsCjk(line[start]));
                start = i;
            }
    }

    /// <summary>CJK punctuation, kana, ideographs and full-width forms: drawn with the CJK font.</summary>
    private static bool IsCjk(char c) => (c >= '\u2E80' && !(c >= '\uFE00' && c <= '\uFE0F')) || char.IsSurrogate(c);
}
