namespace EvidenceHub.Samples;

public enum SampleLayout
{
    PdfSingle,
    PdfTwoColumn,
    PdfReport,
    DocxNumbered,
    DocxPlain,
    Txt,
    TranscriptPdf,
    TranscriptDocx,
    TranscriptTxt,

    /// <summary>A public-inquiry hearing printed with numbered lines (see <see cref="Hearings.HearingTranscriptWriter"/>).</summary>
    HearingPdf,

    /// <summary>A public-inquiry hearing as text with light markup, as its source is written.</summary>
    HearingText,
}

public static class SampleLayouts
{
    static readonly Dictionary<string, SampleLayout> ByName = new(StringComparer.Ordinal)
    {
        ["pdf-single"] = SampleLayout.PdfSingle,
        ["pdf-two-column"] = SampleLayout.PdfTwoColumn,
        ["pdf-report"] = SampleLayout.PdfReport,
        ["docx-numbered"] = SampleLayout.DocxNumbered,
        ["docx-plain"] = SampleLayout.DocxPlain,
        ["txt"] = SampleLayout.Txt,
        ["transcript-pdf"] = SampleLayout.TranscriptPdf,
        ["transcript-docx"] = SampleLayout.TranscriptDocx,
        ["transcript-txt"] = SampleLayout.TranscriptTxt,
        ["hearing-pdf"] = SampleLayout.HearingPdf,
        ["hearing-text"] = SampleLayout.HearingText,
    };

    public static SampleLayout Parse(string name) =>
        ByName.TryGetValue(name, out var layout)
            ? layout
            : throw new InvalidDataException($"Unknown layout '{name}'; expected one of {string.Join(", ", ByName.Keys)}.");

    public static string Name(this SampleLayout layout) => ByName.First(pair => pair.Value == layout).Key;

    /// <summary>A public-inquiry hearing (no question numbers; its source is the marked-up transcript itself).</summary>
    public static bool IsHearing(this SampleLayout layout) => layout is SampleLayout.HearingPdf or SampleLayout.HearingText;

    public static bool IsTranscript(this SampleLayout layout) =>
        layout is SampleLayout.TranscriptPdf or SampleLayout.TranscriptDocx or SampleLayout.TranscriptTxt
            or SampleLayout.HearingPdf or SampleLayout.HearingText;
}
