using PdfSharp.Fonts;

namespace EventHr.Api.Evidence.Pdf;

/// <summary>
/// Fonts for the PDF, from Debian packages the ops scripts install: DejaVu Sans (fonts-dejavu-core)
/// for Latin text and Droid Sans Fallback (fonts-droid-fallback) for Chinese, which has no Latin glyphs.
/// Paths can be overridden with EventHr:Pdf:LatinFont, BoldFont and CjkFont.
/// </summary>
public sealed class EvidenceFonts : IFontResolver
{
    public const string Latin = "EvidenceLatin";
    public const string Cjk = "EvidenceCjk";

    private readonly Dictionary<string, string> _files;
    private readonly Dictionary<string, byte[]> _loaded = new();

    public EvidenceFonts(IConfiguration config)
    {
        _files = new()
        {
            ["latin"] = config["EventHr:Pdf:LatinFont"] ?? "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            ["latin-bold"] = config["EventHr:Pdf:BoldFont"] ?? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            ["cjk"] = config["EventHr:Pdf:CjkFont"] ?? "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        };
    }

    /// <summary>Why a PDF cannot be made here, or null when every font file is present.</summary>
    public string? Missing()
    {
        var missing = _files.Values.Where(f => !File.Exists(f)).ToList();
        return missing.Count == 0 ? null
            : $"the PDF fonts are not installed ({string.Join(", ", missing)}): run ./ops/run once as root, or apt-get install fonts-dejavu-core fonts-droid-fallback";
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => familyName switch
    {
        Cjk => new FontResolverInfo("cjk", isBold, false),
        _ => new FontResolverInfo(isBold ? "latin-bold" : "latin")
    };

    public byte[] GetFont(string faceName)
    {
        lock (_loaded)
        {
            if (!_loaded.TryGetValue(faceName, out var bytes)) _loaded[faceName] = bytes = File.ReadAllBytes(_files[faceName]);
            return bytes;
        }
    }

    private static readonly Lock Once = new();

    /// <summary>PDFsharp takes one resolver per process; the first host to ask installs it.</summary>
    public static void Install(EvidenceFonts fonts)
    {
        lock (Once)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = fonts;
        }
    }
}
