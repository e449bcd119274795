using System.Diagnostics;
using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Drafts;

/// <summary>
/// Checks a draft report against an inquiry's evidence, as a clerk would by hand: each quotation is
/// looked for word for word (then, failing that, the closest passage), its citation compared with where
/// the words really are, its source's publication checked, and its sentence and footnote read for the
/// name of a submitter who asked to be anonymous. One status per quotation, the gravest:
/// names-anonymous, then unpublished-source, then the rest.
/// </summary>
public sealed class DraftChecker(EvidenceDbContext db, CitationStyles styles)
{
    /// <summary>A quotation sharing at least this share of its words, in order, with a passage is that passage, changed.</summary>
    public const double CloseEnough = 0.6;

    private const int Candidates = 5;

    public async Task<DraftReport> CheckAsync(int inquiryId, WordDraft draft, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var style = await styles.ForInquiryAsync(inquiryId, cancellationToken);
        var reader = new CitedEvidenceReader(style);
        var evidence = await InquiryEvidence.LoadAsync(db, inquiryId, cancellationToken);
        var names = new AnonymousNames(evidence.Sources);
        var quotations = DraftQuotations.Find(draft, reader);
        var findings = new List<DraftFinding>();
        foreach (var quotation in quotations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var finding = Check(quotation, evidence, style);
            var context = draft.Paragraphs[quotation.Paragraph].Text + " " + quotation.Cited;
            findings.Add(names.Find(context) is { } named ? NamesAnonymous(finding, named) : finding);
        }

        findings.AddRange(names.Elsewhere(draft, quotations, findings.Count));
        findings.Sort((a, b) => (a.Quotation.Paragraph, a.Quotation.Start).CompareTo((b.Quotation.Paragraph, b.Quotation.Start)));
        return new DraftReport(draft.Paragraphs.Count, quotations.Count, DraftQuotations.CitingFootnotes(draft, reader), findings, clock.ElapsedMilliseconds);
    }

    private static DraftFinding Check(DraftQuotation quotation, InquiryEvidence evidence, CitationStyle style)
    {
        // Where the draft says the words are is looked at first: most quotations are there, and the search is short.
        var fragments = DraftText.Fragments(quotation.Text);
        var occurrences = quotation.Citations.Select(c => c.Reference).OfType<string>().Distinct()
            .SelectMany(reference => evidence.VerbatimIn(fragments, reference)).ToList();
        if (occurrences.Count == 0)
        {
            occurrences = evidence.Verbatim(fragments);
        }

        if (occurrences.Count > 0)
        {
            var best = occurrences.OrderByDescending(o => Agreement(quotation, o.Passage)).ThenByDescending(o => o.Passage.Source.Published).First();
            var location = Locate(best.Passage, style);
            if (!best.Passage.Source.Published)
            {
                return Unpublished(quotation, location, null, null);
            }

            if (quotation.Citations.Count == 0)
            {
                return new(quotation, DraftFindingStatus.Verbatim, location, location.Citation, null, null, null,
                    $"Word for word in {location.Citation}; the draft gives no citation for it.");
            }

            return Agreement(quotation, best.Passage) == 2
                ? new(quotation, DraftFindingStatus.Verbatim, location, null, null, null, null, $"Word for word in {location.Citation}.")
                : new(quotation, DraftFindingStatus.WrongLocation, location, location.Citation, null, null, null,
                    $"The words are in {location.Citation}, not where the draft cites them ({quotation.Cited}).");
        }

        var words = DraftText.Words(quotation.Text);
        var closest = evidence.Nearest(words, Candidates)
            .Select(p => (Passage: p, Diff: WordDiff.Compare(words, DraftText.Words(p.Text))))
            .OrderByDescending(c => c.Diff.Similarity).ThenByDescending(c => Agreement(quotation, c.Passage))
            .FirstOrDefault();
        if (closest.Passage is null || closest.Diff.Similarity < CloseEnough)
        {
            return new(quotation, DraftFindingStatus.NotFound, null, null, null, null, null,
                "Nothing in the inquiry's evidence matches these words, word for word or nearly.");
        }

        var near = Locate(closest.Passage, style);
        return closest.Passage.Source.Published
            ? new(quotation, DraftFindingStatus.NotVerbatim, near, near.Citation, closest.Diff.Diff, closest.Diff.Source, null,
                $"Not word for word: the closest passage is {near.Citation} ({closest.Diff.ChangedWords} word{(closest.Diff.ChangedWords == 1 ? "" : "s")} differ).")
            : Unpublished(quotation, near, closest.Diff.Diff, closest.Diff.Source);
    }

    /// <summary>2 when a citation of the quotation names this passage's submission and place (or no place), 1 for the submission alone, else 0.</summary>
    private static int Agreement(DraftQuotation quotation, InquiryEvidence.EvidencePassage passage)
    {
        var best = 0;
        foreach (var cited in quotation.Citations)
        {
            var sameSubmission = cited.Reference is not null
                ? string.Equals(cited.Reference, passage.Source.Submission.Reference, StringComparison.OrdinalIgnoreCase)
                : passage.Source.Submission.Kind == SubmissionKind.Oral && cited.Question is not null;
            if (!sameSubmission)
            {
                continue;
            }

            var samePlace = !cited.HasLocation
                || (cited.Paragraph is not null && string.Equals(cited.Paragraph, passage.Paragraph, StringComparison.OrdinalIgnoreCase))
                || (cited.Page is not null && cited.Page == passage.Page)
                || (cited.Question is not null && cited.Question == passage.Question
                    && (cited.Speaker is null || string.Equals(cited.Speaker, passage.Speaker, StringComparison.OrdinalIgnoreCase)));
            best = Math.Max(best, samePlace ? 2 : 1);
        }

        return best;
    }

    private static DraftFinding Unpublished(DraftQuotation quotation, EvidenceLocation location, string? diff, string? source)
    {
        return new(quotation, DraftFindingStatus.UnpublishedSource, location, null, diff, source, null,
            $"The words come from {location.Reference}, which is not published: a report may quote only published evidence.");
    }

    private static DraftFinding NamesAnonymous(DraftFinding finding, AnonymousNames.Named named) =>
        finding with
        {
            Status = DraftFindingStatus.NamesAnonymous,
            Named = named.Name,
            Suggestion = finding.Location?.Citation ?? $"Anonymous ({named.Reference})",
            Explanation = $"The draft names {named.Name}, who asked for {named.Reference} to be published anonymously: cite it as Anonymous and take the name out."
                + (finding.Status == DraftFindingStatus.NamesAnonymous ? string.Empty : $" (The quotation itself: {finding.Explanation})"),
        };

    private static EvidenceLocation Locate(InquiryEvidence.EvidencePassage p, CitationStyle style)
    {
        var s = p.Source.Submission;
        var citation = CitationFormatter.Cite(
            new CitationFormatter.Source(s.Reference, s.Kind, s.SubmitterName, s.Organisation, s.Anonymous, p.Page, p.Paragraph, p.Question, p.Speaker), style);
        return new EvidenceLocation(s.Reference, p.Id, p.Page, p.Paragraph, p.Question, p.Speaker, citation);
    }
}
