namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Joins the lines of a paragraph. A word hyphenated across a line end is rejoined ("commu-" + "nity");
/// the hyphen stays when the next line starts with a capital or digit ("Anglo-" + "Saxon", "COVID-" + "19").
/// Hyphens inside a line are never touched.
/// </summary>
internal static class LineJoiner
{
    public static string Join(IEnumerable<string> lines)
    {
        var text = new System.Text.StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (text.Length == 0)
            {
                text.Append(line);
            }
            else if (text[^1] == '\u00AD')
            {
                text.Length--;
                text.Append(line);
            }
            else if (EndsWithWordHyphen(text))
            {
                if (char.IsLower(line[0]))
                {
                    text.Length--;
                }

                text.Append(line);
            }
            else
            {
                text.Append(' ').Append(line);
            }
        }

        return text.ToString();
    }

    private static bool EndsWithWordHyphen(System.Text.StringBuilder text) =>
        text.Length >= 2 && text[^1] is '-' or '\u2010' && char.IsLetter(text[^2]);
}
