using System.Globalization;
using System.Text;

namespace EvidenceHub.Core.Quotes.Export;

/// <summary>
/// RIS, as Zotero's and EndNote's importers read it: <c>RPRT</c> for written evidence (the reference as the
/// report number, <c>SN</c>), <c>HEAR</c> for oral evidence (the reference as the document number, <c>M1</c>),
/// the inquiry as the series or committee (<c>T2</c>), and each quote on the source as a note with its locator.
/// </summary>
public static class RisQuoteExport
{
    public static string Write(CitationData data)
    {
        var ris = new StringBuilder();
        foreach (var s in data.Sources)
        {
            Tag(ris, "TY", s.Oral ? "HEAR" : "RPRT");
            Tag(ris, "AU", s.Author.Inverted);
            Tag(ris, "TI", s.Title);
            Tag(ris, "T2", s.Inquiry);
            Tag(ris, s.Oral ? "M1" : "SN", s.Reference);
            Tag(ris, "M3", s.Genre);
            if (s.Issued is { } issued)
            {
                Tag(ris, "DA", issued.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture));
                Tag(ris, "PY", issued.Year.ToString(CultureInfo.InvariantCulture));
            }

            Tag(ris, "UR", s.Url);
            foreach (var c in data.Citations.Where(c => c.Reference == s.Reference))
            {
                Tag(ris, "N1", $"{c.Label} {c.Locator}: \u201C{c.Text}\u201D");
            }

            Tag(ris, "ER", string.Empty);
            ris.Append("\r\n");
        }

        return ris.ToString();
    }

    private static void Tag(StringBuilder ris, string tag, string value) =>
        ris.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
}
