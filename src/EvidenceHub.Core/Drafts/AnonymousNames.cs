namespace EvidenceHub.Core.Drafts;

/// <summary>
/// The names a draft must not print: each submitter who asked to be anonymous, by name and by organisation.
/// A name is found whole (at word boundaries, in any case); a name of fewer than two words is looked for
/// only when it is at least <see cref="MinSingleWordLength"/> letters, so "Ann" does not flag every "annual".
/// </summary>
public sealed class AnonymousNames
{
    public const int MinSingleWordLength = 6;

    public sealed record Named(string Name, string Reference);

    private readonly List<Named> names;

    public AnonymousNames(IEnumerable<InquiryEvidence.Source> sources) =>
        names = sources.Where(s => s.Submission.Anonymous)
            .SelectMany(s => new[] { s.Submission.SubmitterName, s.Submission.Organisation }
                .Where(n => !string.IsNullOrWhiteSpace(n))
                .Select(n => new Named(DraftText.Fold(n!.Trim()), s.Submission.Reference)))
            .Where(n => n.Name.Contains(' ', StringComparison.Ordinal) || n.Name.Length >= MinSingleWordLength)
            .ToList();

    /// <summary>The first anonymous submitter <paramref name="text"/> names, or null.</summary>
    public Named? Find(string text)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var folded = DraftText.Fold(text);
        return names.FirstOrDefault(n => Contains(folded, n.Name));
    }

    /// <summary>
    /// Sentences outside every quotation that name an anonymous submitter ("as Jane Doe told us"), each a
    /// finding of its own, numbered after <paramref name="numbered"/>.
    /// </summary>
    public IEnumerable<DraftFinding> Elsewhere(WordDraft draft, IReadOnlyList<DraftQuotation> quotations, int numbered)
    {
        if (names.Count == 0)
        {
            yield break;
        }

        var quoted = quotations.Select(q => q.Paragraph).ToHashSet();
        foreach (var paragraph in draft.Paragraphs.Where(p => !quoted.Contains(p.Index)))
        {
            if (Find(paragraph.Text) is not { } named)
            {
                continue;
            }

            var notes = paragraph.Footnotes.Select(f => draft.Footnotes.GetValueOrDefault(f.FootnoteId)).FirstOrDefault(n => n is not null);
            var sentence = new DraftQuotation(++numbered, paragraph.Text.Trim(), paragraph.Index, 0, paragraph.Text.Length, notes, null, []);
            yield return new DraftFinding(sentence, DraftFindingStatus.NamesAnonymous, null, $"Anonymous ({named.Reference})", null, null, named.Name,
                $"The draft names {named.Name}, who asked for {named.Reference} to be published anonymously: refer to them as Anonymous ({named.Reference}).");
        }
    }

    private static bool Contains(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + name.Length >= text.Length || !char.IsLetterOrDigit(text[at + name.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
