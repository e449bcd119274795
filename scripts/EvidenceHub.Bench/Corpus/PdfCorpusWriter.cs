using System.Globalization;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace EvidenceHub.Bench.Corpus;

/// <summary>Renders generated written evidence as A4 PDFs with PdfPig's builder: a title, numbered paragraphs, wrapped lines.</summary>
internal static class PdfCorpusWriter
{
    private const double Size = 10.5;
    private const double Leading = 14;
    private const double Margin = 62;
    private const int LineChars = 92;

    /// <summary>Writes <paramref name="count"/> PDFs of <paramref name="pages"/> pages each into a folder.</summary>
    public static void WriteFolder(string folder, int count, int pages, int seed)
    {
        Directory.CreateDirectory(folder);
        var generator = new CorpusGenerator(seed);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"evidence-{i + 1:D4}.pdf"), Render(generator, new Random(seed + i), pages, null));
        }
    }

    /// <summary>One document of exactly <paramref name="pages"/> pages; <paramref name="marker"/>, if given, starts its last page.</summary>
    public static byte[] Render(CorpusGenerator generator, Random random, int pages, string? marker)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var label = 0;
        for (var number = 1; number <= pages; number++)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = page.PageSize.Height - Margin;
            if (number == 1)
            {
                page.AddText("Written evidence submitted by a synthetic organisation", 15, new PdfPoint(Margin, y), bold);
                y -= 30;
            }

            while (y > Margin + 3 * Leading)
            {
                label++;
                var text = generator.Text(random);
                if (marker is not null && number == pages)
                {
                    text = $"We ask the committee to note {marker} in its report. " + text;
                    marker = null;
                }

                var lines = Wrap($"{label.ToString(CultureInfo.InvariantCulture)}. {text}");
                foreach (var line in lines)
                {
                    if (y <= Margin)
                    {
                        break;
                    }

                    page.AddText(line, Size, new PdfPoint(Margin, y), font);
                    y -= Leading;
                }

                y -= Leading * 0.6;
            }
        }

        return builder.Build();
    }

    private static List<string> Wrap(string text)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LineChars)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
