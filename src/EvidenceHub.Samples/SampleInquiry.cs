using System.Text.Json;

namespace EvidenceHub.Samples;

/// <summary>A sample inquiry as written in <c>samples/&lt;prefix&gt;/</c>: the inquiry, the clerk's manifest, themes and quotes.</summary>
public sealed record SampleInquiry(
    string Folder,
    string Title,
    string ReferencePrefix,
    string Description,
    IReadOnlyList<SampleSubmission> Submissions,
    IReadOnlyList<SampleTheme> Themes,
    IReadOnlyList<SampleQuote> Quotes)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads inquiry.json, manifest.csv, themes.json and quotes.json from <paramref name="folder"/>.</summary>
    public static SampleInquiry Load(string folder)
    {
        var inquiry = ReadJson<InquiryFile>(folder, "inquiry.json");
        var manifest = SampleManifest.Read(File.ReadAllText(Path.Combine(folder, "manifest.csv")));
        return new SampleInquiry(
            folder,
            inquiry.Title,
            inquiry.ReferencePrefix,
            inquiry.Description,
            manifest,
            ReadJson<List<SampleTheme>>(folder, "themes.json"),
            ReadJson<List<SampleQuote>>(folder, "quotes.json"));
    }

    /// <summary>The path of a submission's source text, <c>sources/&lt;file without extension&gt;.md</c>.</summary>
    public string SourcePath(SampleSubmission submission) =>
        Path.Combine(Folder, "sources", Path.GetFileNameWithoutExtension(submission.File) + ".md");

    public string ReadSource(SampleSubmission submission) => File.ReadAllText(SourcePath(submission));

    static T ReadJson<T>(string folder, string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(folder, name)), Json)
        ?? throw new InvalidDataException($"{name} in {folder} is empty.");

    sealed record InquiryFile(string Title, string ReferencePrefix, string Description);
}

public sealed record SampleSubmission(
    string File,
    string SubmitterName,
    string? Organisation,
    string Category,
    string Kind,
    DateOnly ReceivedOn,
    string Title,
    bool Anonymous,
    SampleLayout Layout,
    string Publication)
{
    public bool IsOral => Kind == "oral";

    /// <summary>The name shown on the document: "Anonymous", else the organisation, else the submitter.</summary>
    public string DisplayName => Anonymous ? "Anonymous" : Organisation ?? SubmitterName;
}

public sealed record SampleTheme(string Name, string Description, string Rule, string Colour);

public sealed record SampleQuote(string File, string Text, string Note);
