using System.Text.RegularExpressions;

namespace EvidenceHub.Bench.Relevance;

/// <summary>A document of a relevance collection: uploaded as a text submission whose title is <see cref="Title"/>.</summary>
internal sealed record RelevanceDocument(string Id, string Title, string Text);

/// <summary>A query of a relevance collection, in the words of whoever wrote it.</summary>
internal sealed record RelevanceQuery(string Id, string Text);

/// <summary>
/// Documents, queries and graded judgements (query id → document id → gain; a document not listed is not
/// relevant). <see cref="Judged"/> are the queries with at least one relevant document: the ones measured.
/// </summary>
internal sealed partial record RelevanceCollection(
    string Name,
    IReadOnlyList<RelevanceDocument> Documents,
    IReadOnlyList<RelevanceQuery> Queries,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Judgements)
{
    public IReadOnlyList<RelevanceQuery> Judged =>
        Queries.Where(q => Judgements.TryGetValue(q.Id, out var j) && j.Count > 0).ToList();

    /// <summary>
    /// The query as both systems run it: the OR of its distinct words, lower-cased (so that a word such as
    /// "and" is never an operator), as many as fit the search language's limits (100 words, 1,000 characters).
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var length = 0;
        foreach (var word in WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            var added = word.Length + (words.Count == 0 ? 0 : " OR ".Length);
            if (words.Count == 100 || length + added > 1_000)
            {
                break;
            }

            words.Add(word);
            length += added;
        }

        return words;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
