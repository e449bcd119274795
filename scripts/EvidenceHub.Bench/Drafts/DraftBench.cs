using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EvidenceHub.Core;
using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Drafts;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Bench.Drafts;

/// <summary>
/// The draft-report checker on the database <c>load-db</c> wrote: a 40-page report (about 21,000 words) with
/// 200 quotations from the first inquiry's evidence — 120 word for word and rightly cited, 30 cited to the
/// wrong place, 30 with a changed word, 20 invented — read, checked and written back with comments as
/// <c>POST /api/inquiries/{prefix}/drafts/check</c> does. There is no peer to compare with: no tool we know
/// of checks a draft's quotations; the target (≤ 10 s) is the issue's.
/// </summary>
internal static class DraftBench
{
    private const int Quotations = 200;
    private const int Rounds = 5;

    private static readonly string[] Filler =
        "The committee heard from a wide range of witnesses across the country about what it would take for neighbourhoods to take more control of their own futures and how public bodies could support them to do so over the long term without imposing a single model from the centre"
            .Split(' ');

    public static void Run(string dataDirectory, int seed, Report report)
    {
        var options = new EvidenceHubOptions { DataDirectory = dataDirectory };
        using var db = DatabaseRegistration.CreateContext(options, null);
        var inquiry = db.Inquiries.AsNoTracking().OrderBy(i => i.Id).First();
        var random = new Random(seed);
        var candidates = (from p in db.Passages.AsNoTracking()
                          join s in db.Submissions on p.SubmissionId equals s.Id
                          where s.InquiryId == inquiry.Id && p.Text.Length > 120
                          select new { s.Reference, p.Paragraph, p.Page, p.Text }).Take(20_000).ToList();
        var picked = candidates.OrderBy(_ => random.Next()).Take(Quotations).ToList();
        var paragraphs = picked.Select((p, i) =>
        {
            var words = p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(25).ToArray();
            var quote = string.Join(' ', words);
            var where = p.Paragraph is not null ? $"para {p.Paragraph}" : p.Page is not null ? $"p. {p.Page}" : string.Empty;
            var cited = $"{p.Reference} {where}.";
            if (i % 20 is >= 12 and < 15)
            {
                cited = p.Paragraph is not null ? $"{p.Reference} para 99.9." : $"{p.Reference} p. 999.";
            }
            else if (i % 20 is >= 15 and < 18)
            {
                words[words.Length / 2] = "zebra";
                quote = string.Join(' ', words);
            }
            else if (i % 20 is >= 18)
            {
                quote = string.Join(' ', Filler.OrderBy(_ => random.Next()).Take(20));
            }

            return (Text: string.Join(' ', Filler) + ". " + string.Join(' ', Filler.Take(40)) + $". A witness told us: \u201C{quote}\u201D", Footnote: cited);
        }).ToList();
        var bytes = Draft(paragraphs);
        var words = paragraphs.Sum(p => p.Text.Split(' ').Length);
        var passages = db.Passages.Count(p => db.Submissions.Any(s => s.Id == p.SubmissionId && s.InquiryId == inquiry.Id));

        var checks = new List<double>();
        var withComments = new List<double>();
        DraftReport? last = null;
        for (var round = 0; round < Rounds; round++)
        {
            db.ChangeTracker.Clear();
            var clock = Stopwatch.StartNew();
            var draft = WordDraft.TryRead(bytes, out var problem) ?? throw new InvalidOperationException(problem);
            last = new DraftChecker(db, new CitationStyles(db)).CheckAsync(inquiry.Id, draft, CancellationToken.None).GetAwaiter().GetResult();
            checks.Add(clock.Elapsed.TotalMilliseconds);
            DraftCommentWriter.Write(bytes, last, DateTimeOffset.UtcNow);
            withComments.Add(clock.Elapsed.TotalMilliseconds);
        }

        var counts = string.Join(", ", last!.Findings.GroupBy(f => f.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToCode()}"));
        // A running server has compiled the code and built EF's model before the draft arrives: the target is
        // read on the warm runs; the first, in a process that has done nothing yet, is shown beside them.
        var warm = Median(withComments.Skip(1)) / 1000;
        report.Row("drafts",
            $"{Fmt.Count(passages)} passages of {inquiry.Prefix}",
            $"{words:N0} words (~{words / 500} pages), {last.Quotations} quotations: {counts}",
            $"{Fmt.Ms(checks[0])} / {Fmt.Ms(Median(checks.Skip(1)))} ms",
            $"{Fmt.Ms(withComments[0])} / {Fmt.Ms(Median(withComments.Skip(1)))} ms",
            warm <= 10 ? $"≤ 10 s target met ({warm.ToString("F1", CultureInfo.InvariantCulture)} s warm; {(withComments[0] / 1000).ToString("F1", CultureInfo.InvariantCulture)} s in a cold process)"
                : $"≤ 10 s target missed ({warm.ToString("F1", CultureInfo.InvariantCulture)} s warm)");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static byte[] Draft(IReadOnlyList<(string Text, string Footnote)> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var footnotes = new Footnotes();
            var body = new Body();
            for (var i = 0; i < paragraphs.Count; i++)
            {
                var id = i + 1;
                footnotes.Append(new Footnote(new Paragraph(new Run(new FootnoteReferenceMark()), new Run(new Text(" " + paragraphs[i].Footnote) { Space = SpaceProcessingModeValues.Preserve }))) { Id = id });
                body.Append(new Paragraph(new Run(new Text(paragraphs[i].Text)), new Run(new FootnoteReference { Id = id })));
            }

            main.Document = new Document(body);
            main.AddNewPart<FootnotesPart>().Footnotes = footnotes;
        }

        return stream.ToArray();
    }
}
