using System.Text;

namespace EvidenceHub.Core.Quotes.Export;

/// <summary>Markdown with footnotes (<c>[^1]</c>), as pandoc, GitHub and most editors read it.</summary>
public static class MarkdownQuoteExport
{
    public static string Write(QuoteExport export)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(export.Title)).Append("\n\n");
        var footnotes = new List<string>();
        foreach (var section in export.Sections)
        {
            if (export.Sections.Count > 1 || section.Name != export.Title)
            {
                md.Append("## ").Append(Escape(section.Name)).Append("\n\n");
            }

            foreach (var quote in section.Quotes)
            {
                footnotes.Add(quote.Citation);
                md.Append("> ").Append(Escape(QuoteExport.Text(quote))).Append("[^").Append(footnotes.Count).Append("]\n\n");
                if (!string.IsNullOrWhiteSpace(quote.Quote.Note))
                {
                    md.Append('*').Append(Escape(quote.Quote.Note)).Append("*\n\n");
                }
            }
        }

        md.Append("## ").Append(QuoteExport.BibliographyHeading).Append("\n\n");
        foreach (var entry in export.Bibliography)
        {
            md.Append("- ").Append(Escape(entry)).Append('\n');
        }

        md.Append('\n');
        for (var i = 0; i < footnotes.Count; i++)
        {
            md.Append("[^").Append(i + 1).Append("]: ").Append(Escape(footnotes[i])).Append('\n');
        }

        return md.ToString();
    }

    /// <summary>Source text is prose, not markup: characters Markdown would act on are escaped.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '`' or '#' or '|')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
