using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Transcripts;

/// <summary>
/// The printed structure of a public-inquiry hearing that is not a speaker's turn: time stamps (<c>(10.00 am)</c>),
/// headings ("Opening remarks by the Chair", "Examination by Mr Keith", "Submissions on behalf of … by MR BOWIE KC"),
/// a witness being sworn ("MS JANE DOE (sworn)"), and the <c>Q.</c> / <c>A.</c> of an examination.
/// </summary>
internal static partial class HearingStructure
{
    private const int MaxHeadingLength = 160;

    [GeneratedRegex(@"^\(?\s*(?<time>\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?)\s*\)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeStamp();

    [GeneratedRegex(@"^(?<name>.{2,120}?)[\s,]*\((?:sworn|affirmed|re-?sworn|re-?affirmed|continued|recalled)\)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sworn();

    [GeneratedRegex(@"^(?:(?:opening|closing|introductory|concluding|preliminary)\s+(?:remarks|statements?|submissions?|address)|(?:further\s+|re-?|cross-?)?(?:examination|questions?|questioned|questioning)\s+(?:by|from|of)\b|(?:opening\s+|closing\s+|oral\s+|further\s+)?(?:submissions?|statements?|address)\s+(?:on\s+behalf\s+of|by|from)\b|reply\s+by|ruling\b|housekeeping\b|discussion\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingStart();

    [GeneratedRegex(@"^Q[.:](?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionMark();

    [GeneratedRegex(@"^A[.:](?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AnswerMark();

    [GeneratedRegex(@"\b(?:by|from)\s+(?<who>(?:the\s+)?[\p{Lu}][\p{L}'’\-\. ]{1,80})$", RegexOptions.CultureInvariant)]
    private static partial Regex ByWhom();

    [GeneratedRegex(@"\b(?:by|of|from|for|and|on behalf)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dangling();

    [GeneratedRegex(@"^\((?<what>[^()]{2,120})\)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex StageDirection();

    public static string? Time(string line)
    {
        var match = TimeStamp().Match(line);
        return match.Success && line.Contains('(') ? match.Groups["time"].Value : null;
    }

    /// <summary>"(Pause)", "(The short adjournment)": a stage direction in brackets on its own line.</summary>
    public static bool IsStageDirection(string line) => StageDirection().IsMatch(line);

    /// <summary>The witness a "(sworn)" or "(affirmed)" line names, or null.</summary>
    public static string? SwornWitness(string line)
    {
        var match = Sworn().Match(line);
        return match.Success ? SpeakerName.FromHeading(match.Groups["name"].Value) : null;
    }

    /// <summary>A heading printed as a line of its own (not marked up as one): short, and one of the hearing's headings.</summary>
    public static bool LooksLikeHeading(string line) =>
        line.Length <= MaxHeadingLength && !line.Contains(':') && HeadingStart().IsMatch(line) && !line.EndsWith('?');

    /// <summary>A heading that ends mid-phrase ("… by") goes on to the next line.</summary>
    public static bool Continues(string heading) => Dangling().IsMatch(heading);

    /// <summary>Whom a heading names as its speaker or examiner ("Examination by Mr Keith" → "Mr Keith"), or null.</summary>
    public static string? ByWhom(string heading)
    {
        var match = ByWhom().Match(heading);
        return match.Success ? match.Groups["who"].Value.Trim() : null;
    }

    /// <summary>Whether a heading starts an examination (its <c>Q.</c> are the examiner's).</summary>
    public static bool IsExamination(string heading) =>
        Regex.IsMatch(heading, @"\b(?:examination|questions?|questioned|questioning)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static string? Question(string line) => QuestionMark().Match(line) is { Success: true } m ? m.Groups["rest"].Value : null;

    public static string? Answer(string line) => AnswerMark().Match(line) is { Success: true } m ? m.Groups["rest"].Value : null;
}
