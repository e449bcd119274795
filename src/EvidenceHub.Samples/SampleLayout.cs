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
    };

    public static SampleLayout Parse(string name) =>
        ByName.TryGetValue(name, out var layout)
            ? layout
            : throw new InvalidDataException($"Unknown layout '{name}'; expected one of {string.Join(", ", ByName.Keys)}.");

    public static string Name(this SampleLayout layout) => ByName.First(pair => pair.Value == layout).Key;

    public static bool IsTranscript(this SampleLayout layout) =>
        layout is SampleLayout.TranscriptPdf or SampleLayout.TranscriptDocx or SampleLayout.TranscriptTxt;
}
