namespace EvidenceHub.Extraction.Transcripts;

/// <summary>
/// Who is who at a hearing, from the front matter (<c>chair: Lady Hallett</c>, <c>counsel to the inquiry: Mr Keith</c>,
/// <c>witnesses: …</c>) and from the transcript itself (a witness sworn, a labelled Chair): gives a speaker's role.
/// </summary>
internal sealed class HearingRoles
{
    public const string Chair = "Chair";
    public const string Counsel = "Counsel to the Inquiry";
    public const string Witness = "Witness";

    private static readonly string[] ChairLabels = ["Chair", "Chairman", "Chairwoman", "Madam Chair", "The Chair", "The Chairman", "The Chairwoman", "The President"];
    private static readonly string[] CounselLabels = ["Counsel to the Inquiry", "Counsel Inquiry", "Lead Counsel to the Inquiry", "Counsel"];

    private readonly List<string> chairs = [];
    private readonly List<string> counsel = [];
    private readonly List<string> witnesses = [];

    public HearingRoles(IReadOnlyDictionary<string, string>? frontMatter)
    {
        foreach (var (key, value) in frontMatter ?? ExtractedDocument.NoMetadata)
        {
            var names = value.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => SpeakerName.FromHeading(n.Split(',')[0])).Where(n => n.Length > 0);
            switch (key)
            {
                case "chair" or "chairman" or "chairwoman" or "chair of the inquiry" or "president":
                    chairs.AddRange(names);
                    break;
                case "counsel" or "counsel to the inquiry" or "lead counsel" or "lead counsel to the inquiry" or "examining counsel":
                    counsel.AddRange(names);
                    break;
                case "witness" or "witnesses":
                    witnesses.AddRange(names);
                    break;
            }
        }
    }

    /// <summary>The Chair's name as the front matter gives it, or null.</summary>
    public string? ChairName => chairs.FirstOrDefault();

    /// <summary>Counsel to the Inquiry's name as the front matter gives it, or null.</summary>
    public string? CounselName => counsel.FirstOrDefault();

    public void AddWitness(string name) => witnesses.Add(name);

    public static bool IsChairLabel(string speaker) => ChairLabels.Contains(speaker, StringComparer.OrdinalIgnoreCase);

    public static bool IsCounselLabel(string speaker) => CounselLabels.Contains(speaker, StringComparer.OrdinalIgnoreCase);

    /// <summary>The speaker's role, or null when the transcript does not say.</summary>
    public string? RoleOf(string? speaker)
    {
        if (speaker is null)
        {
            return null;
        }

        if (IsChairLabel(speaker) || Matches(chairs, speaker))
        {
            return Chair;
        }

        if (IsCounselLabel(speaker) || Matches(counsel, speaker))
        {
            return Counsel;
        }

        return Matches(witnesses, speaker) ? Witness : null;
    }

    /// <summary>A label printed for a front-matter name ("Lady Hallett" for "Baroness Heather Hallett") shares its surname.</summary>
    private static bool Matches(List<string> names, string speaker)
    {
        var surname = SpeakerName.Surname(speaker);
        return surname.Length > 1 && names.Any(n => string.Equals(SpeakerName.Surname(n), surname, StringComparison.OrdinalIgnoreCase));
    }
}
