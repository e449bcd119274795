using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// Turns stored passages into hits, projecting away what the caller may not read: an anonymous
/// submission outside the caller's own inquiries is "Anonymous" with no organisation. It is done here,
/// where the stored names are read, so that nothing downstream ever holds them.
/// </summary>
internal static class HitReader
{
    public const string AnonymousName = "Anonymous";

    /// <summary>What a passage hit reads of a passage; the submission's own fields are read from its best passage only.</summary>
    private static readonly ISet<string> PassageOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        PassageFields.PassageId, PassageFields.Ordinal, PassageFields.Page, PassageFields.Paragraph, PassageFields.Question,
        PassageFields.Speaker, PassageFields.Text, PassageFields.Line, PassageFields.OwnWords,
    };

    public static SubmissionHit ToHit(IndexSearcher searcher, SubmissionGroup group, SnippetHighlighter highlighter, SearchAccess access)
    {
        var docs = group.Best.Select((b, i) => (Doc: i == 0 ? searcher.Doc(b.Doc) : searcher.Doc(b.Doc, PassageOnly), b.Score)).ToList();
        var first = docs[0].Doc;
        var received = first.GetField(PassageFields.ReceivedOn)?.GetInt32Value() ?? 0;
        var inquiry = first.Get(PassageFields.Inquiry);
        var anonymous = first.Get(PassageFields.Anonymous) == "true";
        var named = !anonymous || access.HasFullAccessTo(inquiry);
        return new SubmissionHit(
            group.SubmissionId,
            group.Reference,
            inquiry,
            first.Get(PassageFields.Title),
            named ? first.Get(PassageFields.SubmitterName) : AnonymousName,
            named ? first.Get(PassageFields.Organisation) : null,
            first.Get(PassageFields.Category),
            first.Get(PassageFields.Kind),
            anonymous,
            received > 0 ? DateOnly.FromDayNumber(received) : null,
            first.Get(PassageFields.Publication),
            group.Score,
            docs.Select(d => ToPassageHit(d.Doc, d.Score, highlighter, markAll: false)).ToList());
    }

    public static PassageHit ToPassageHit(Document doc, float score, SnippetHighlighter highlighter, bool markAll)
    {
        var text = doc.Get(PassageFields.Text);
        return new PassageHit(
            long.Parse(doc.Get(PassageFields.PassageId), System.Globalization.CultureInfo.InvariantCulture),
            doc.GetField(PassageFields.Ordinal)?.GetInt32Value() ?? 0,
            doc.GetField(PassageFields.Page)?.GetInt32Value(),
            doc.Get(PassageFields.Paragraph),
            doc.Get(PassageFields.Question),
            doc.Get(PassageFields.Speaker),
            markAll ? highlighter.MarkAll(text) : highlighter.Snippet(text),
            score,
            doc.GetField(PassageFields.Line)?.GetInt32Value())
        {
            OwnWords = doc.Get(PassageFields.OwnWords) == "true",
        };
    }
}
