using System.Globalization;
using System.Text;

namespace EvidenceHub.Core.Quotes.Export;

/// <summary>
/// BibTeX (<c>@techreport</c>, which Zotero imports as a report: <c>number</c> its report number, <c>type</c>
/// its kind, <c>institution</c> the inquiry). An organisation is braced whole so it is not read as a
/// family name; the quotes on a source are in its <c>note</c>.
/// </summary>
public static class BibTexQuoteExport
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static string Write(CitationData data)
    {
        var bib = new StringBuilder();
        foreach (var s in data.Sources)
        {
            bib.Append("@techreport{").Append(s.Reference).Append(",\n");
            Field(bib, "author", s.Author.Literal is not null ? "{" + Escape(s.Author.Literal) + "}" : Escape(s.Author.Inverted));
            Field(bib, "title", "{" + Escape(s.Title) + "}");
            Field(bib, "institution", Escape(s.Inquiry));
            Field(bib, "type", Escape(s.Genre));
            Field(bib, "number", s.Reference);
            if (s.Issued is { } issued)
            {
                Field(bib, "year", issued.Year.ToString(CultureInfo.InvariantCulture));
                bib.Append("  month = ").Append(Months[issued.Month - 1]).Append(",\n");
                Field(bib, "date", issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            Field(bib, "url", s.Url);
            var notes = data.Citations.Where(c => c.Reference == s.Reference).Select(c => $"{c.Label} {c.Locator}: ``{c.Text}''").ToList();
            if (notes.Count > 0)
            {
                Field(bib, "note", Escape(string.Join("; ", notes)));
            }

            bib.Append("}\n\n");
        }

        return bib.ToString();
    }

    private static void Field(StringBuilder bib, string name, string value) =>
        bib.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>Characters TeX acts on are escaped; braces are balanced by escaping them all.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            builder.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '&' or '%' or '$' or '#' or '_' => "\\" + c,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
