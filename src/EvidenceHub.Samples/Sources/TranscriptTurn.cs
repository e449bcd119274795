using System.Text.RegularExpressions;

namespace EvidenceHub.Samples.Sources;

/// <summary>Splits a transcript paragraph into its speaker prefix ("Q12 Chair:", "Jane Doe:") and the words spoken.</summary>
public static partial class TranscriptTurn
{
    public static (string? Speaker, string Text) Split(string paragraph)
    {
        var match = SpeakerPrefix().Match(paragraph);
        return match.Success ? (match.Groups["speaker"].Value, match.Groups["text"].Value) : (null, paragraph);
    }

    [GeneratedRegex(@"^(?<speaker>(?:Q\d+ )?[A-Z][^:?]{0,60}:)\s+(?<text>.+)$", RegexOptions.Singleline)]
    private static partial Regex SpeakerPrefix();
}
