using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Transcripts;

/// <summary>
/// The start of a speaker's turn as printed: <c>Q12 Chair:</c>, <c>12. Chairman:</c>,
/// <c>Chairman: 12.</c> (old Minutes of Evidence put the number after the name), <c>Mr Bacon:</c>,
/// or <c>(Sir Robert Walmsley)</c> for an answer in the old style.
/// </summary>
internal sealed partial record TurnStart(int? Question, bool Numbered, string Speaker, string Rest, bool QPrefixed = false)
{
    // Names as printed: capitalised words ("Sir John Bourn", "O'Donoghue", "Clifton-Brown"), with the
    // odd lower-case particle ("of", "de"), at most eight words.
    private const string Name = @"(?<speaker>(?:Q\d+\s+)?[\p{Lu}][\p{L}'’\-\.]*(?:\s+(?:[\p{Lu}][\p{L}'’\-\.]*|of|de|du|van|von|la|le|da|and)){0,7})";

    [GeneratedRegex(@"^Q\s?(?<q>\d{1,5})\.?\s*" + Name + @"\s*[—–]?\s*:\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionFirst();

    [GeneratedRegex(@"^(?<q>\d{1,5})\.\s+" + Name + @"\s*[—–]?\s*:\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberFirst();

    [GeneratedRegex(@"^" + Name + @"\s*[—–]?\s*:\s*(?:(?<q>\d{1,5})\.(?:\s+|$))?(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerFirst();

    [GeneratedRegex(@"^\(" + Name + @"\)\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    // Header and stage lines that look like "Name: text" but are not speakers.
    private static readonly HashSet<string> NotSpeakers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inquiry", "Session", "Report", "Ref", "Date", "Members present", "Members", "Witnesses", "Witness",
        "Source", "Note", "Notes", "Oral evidence", "Present", "In attendance", "Questions", "Question",
        "Written evidence from witnesses", "Examination of witnesses", "Examination of witness", "Annex",
        "Appendix", "Table", "Figure", "Box", "Chart", "Paper", "Memorandum", "Supplementary memorandum",
        "Ordered by the House of Commons to be published", "Watch the meeting", "Subject", "Title",
        "Email", "Tel", "Website", "Page", "Example", "Evidence", "Committee", "Committees", "Answer",
        "Chapter", "Part", "Section", "Summary", "Conclusion", "Conclusions", "Recommendation", "Key",
    };

    public static TurnStart? Match(string line)
    {
        var match = QuestionFirst().Match(line);
        if (match.Success)
        {
            return Create(match, numbered: true) is { } turn ? turn with { QPrefixed = true } : null;
        }

        match = NumberFirst().Match(line);
        if (match.Success)
        {
            return Create(match, numbered: true);
        }

        match = SpeakerFirst().Match(line);
        if (match.Success)
        {
            return Create(match, numbered: match.Groups["q"].Success);
        }

        // "(Sir Robert Walmsley) Because …" answers in the old style; "(Pause)" on its own is a stage direction.
        match = Bracketed().Match(line);
        return match.Success && match.Groups["rest"].Value.Trim().Length > 0 ? Create(match, numbered: false) : null;
    }

    private static TurnStart? Create(Match match, bool numbered)
    {
        var speaker = TextNormalizer.Clean(match.Groups["speaker"].Value);
        int? question = int.TryParse(match.Groups["q"].Value, out var q) ? q : null;

        // "Q12 Mr Bacon:" inside the speaker group (an unusual spacing) is still a numbered question.
        var inner = Regex.Match(speaker, @"^Q(\d+)\s+(.+)$", RegexOptions.CultureInvariant);
        if (inner.Success)
        {
            question = int.Parse(inner.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            speaker = inner.Groups[2].Value;
            numbered = true;
            return new TurnStart(question, numbered, speaker, match.Groups["rest"].Value.Trim(), QPrefixed: true);
        }

        if (NotSpeakers.Contains(speaker) || speaker.EndsWith(" and", StringComparison.Ordinal))
        {
            return null;
        }

        return new TurnStart(question, numbered, speaker, match.Groups["rest"].Value.Trim());
    }
}
