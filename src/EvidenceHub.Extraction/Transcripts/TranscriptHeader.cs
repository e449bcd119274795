using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Transcripts;

/// <summary>
/// The front matter of a transcript (committee, inquiry, HC number, date, members, witnesses) read
/// into <see cref="ExtractedDocument.Metadata"/>. Labelled lines ("Members present: …") may wrap over
/// several lines; a wrapped line continues the field above it.
/// </summary>
internal sealed partial class TranscriptHeader
{
    private readonly Dictionary<string, string> fields = [];
    private readonly List<string> lines = [];
    private string? continuing;

    [GeneratedRegex(@"^(?<key>Inquiry|Session|Report|Ref|Date|Members present|Members|Present|Witnesses|Witness|Source|In attendance)\s*:\s*(?<value>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"\s+(?=(?:Report|Ref|Date)\s*:)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineFieldBreak();

    [GeneratedRegex(@"\bHC\s*(?<n>\d{1,5}(?:-[IVX]+)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HcNumber();

    [GeneratedRegex(@"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateText();

    [GeneratedRegex(@"\bOral evidence(?: taken)?\s*:\s*(?<inquiry>.+?)(?:,\s*HC\b|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OralEvidenceTitle();

    [GeneratedRegex(@"^(?:Questions?\s+\d|Examination of witness|Written evidence|Ordered by the House|Watch the meeting|[–\-•])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsContinuation();

    /// <summary>
    /// Takes one front-matter line (before the first turn, or a new panel's witness line later on); true where the
    /// line was read as a labelled field or the continuation of one.
    /// </summary>
    public bool Add(string line)
    {
        lines.Add(line);
        var absorbed = false;
        foreach (var part in InlineFieldBreak().Split(line))
        {
            var match = Labelled().Match(part);
            if (match.Success)
            {
                var key = KeyFor(match.Groups["key"].Value);
                Append(key, match.Groups["value"].Value);
                continuing = key is "members" or "witnesses" ? key : null;
                absorbed = true;
            }
            else if (continuing is not null && !EndsContinuation().IsMatch(part))
            {
                fields[continuing] = fields[continuing] + " " + part.Trim();
                absorbed = true;
            }
            else
            {
                continuing = null;
            }
        }

        return absorbed;
    }

    /// <summary>A front-matter field given apart from the lines (a title heading, a YAML field).</summary>
    public void Set(string key, string value)
    {
        if (!fields.ContainsKey(key))
        {
            fields[key] = value;
        }
    }

    /// <summary>A new witness panel mid-transcript: "Witnesses: …" after "Examination of witnesses".</summary>
    public static bool StartsWitnessBlock(string line) =>
        line.StartsWith("Witnesses:", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("Witness:", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("Examination of witness", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a speaker's surname appears among the members or witnesses listed.</summary>
    public bool Mentions(string speaker)
    {
        var surname = speaker.Split(' ')[^1];
        if (surname.Length < 2)
        {
            return false;
        }

        var listed = fields.GetValueOrDefault("members", string.Empty) + " " + fields.GetValueOrDefault("witnesses", string.Empty);
        return Regex.IsMatch(listed, @"\b" + Regex.Escape(surname) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public void EndBlock() => continuing = null;

    public IReadOnlyDictionary<string, string> ToMetadata()
    {
        var metadata = fields.ToDictionary(f => f.Key, f => TextNormalizer.Clean(f.Value));
        var joined = TextNormalizer.Clean(string.Join(' ', lines));
        if (!metadata.ContainsKey("committee")
            && lines.FirstOrDefault(l => l.Contains("Committee", StringComparison.OrdinalIgnoreCase) && !Labelled().IsMatch(l)
                && !l.StartsWith("Oral evidence", StringComparison.OrdinalIgnoreCase)) is { } committee)
        {
            metadata["committee"] = TextNormalizer.Clean(committee);
        }

        if (!metadata.ContainsKey("inquiry"))
        {
            var title = OralEvidenceTitle().Match(joined);
            if (title.Success)
            {
                metadata["inquiry"] = title.Groups["inquiry"].Value.Trim();
            }
        }

        var hc = HcNumber().Match(metadata.GetValueOrDefault("hcNumber") ?? joined);
        if (hc.Success)
        {
            metadata["hcNumber"] = "HC " + hc.Groups["n"].Value;
        }

        var date = DateText().Match(metadata.GetValueOrDefault("date") ?? joined);
        if (date.Success)
        {
            metadata["date"] = date.Value;
        }

        return metadata.Where(m => m.Value.Length > 0).ToDictionary(m => m.Key, m => m.Value);
    }

    private void Append(string key, string value)
    {
        value = value.Trim();

        // Some sources repeat the label ("Witnesses: Witnesses: Jon Thompson …").
        var repeated = Labelled().Match(value);
        if (repeated.Success && KeyFor(repeated.Groups["key"].Value) == key)
        {
            value = repeated.Groups["value"].Value.Trim();
        }

        fields[key] = fields.TryGetValue(key, out var existing) && existing.Length > 0 ? existing + "; " + value : value;
    }

    private static string KeyFor(string label) => label.ToLowerInvariant() switch
    {
        "members present" or "members" or "present" => "members",
        "witnesses" or "witness" => "witnesses",
        "ref" => "hcNumber",
        "in attendance" => "inAttendance",
        var other => other,
    };
}
