using System.Text.RegularExpressions;
using EvidenceHub.Samples;

namespace EvidenceHub.Bench.Relevance;

/// <summary>
/// A relevance set generated from the sample inquiry (samples/lbn): its submissions' source texts are the
/// documents (manifest titles as titles), and two kinds of query have judgements that need no reader:
/// <list type="bullet">
/// <item>each theme's name and description, judged by the theme's own rule (themes.json): a submission
/// is relevant when its passages match the rule, with gain 1–3 by how many of its passages do (as the
/// search shows them, at most three);</item>
/// <item>each saved quote's words, with the submission it was taken from as the one relevant document
/// (a known-item search).</item>
/// </list>
/// The themes' judgements come from the rules run through the server once the documents are in
/// (<see cref="ThemeRules"/>); they are Boolean matches, not rankings.
/// </summary>
internal static partial class SampleRelevance
{
    public static (RelevanceCollection Collection, IReadOnlyList<(string QueryId, string Rule)> ThemeRules) Load(string folder)
    {
        var inquiry = SampleInquiry.Load(folder);
        var documents = inquiry.Submissions
            .Select(s => new RelevanceDocument(Path.GetFileNameWithoutExtension(s.File), s.Title, Plain(inquiry.ReadSource(s))))
            .ToList();
        var queries = new List<RelevanceQuery>();
        var judgements = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        var rules = new List<(string, string)>();
        for (var i = 0; i < inquiry.Themes.Count; i++)
        {
            var theme = inquiry.Themes[i];
            var id = $"theme-{i + 1}";
            queries.Add(new RelevanceQuery(id, theme.Name + " " + theme.Description));
            rules.Add((id, theme.Rule));
        }

        for (var i = 0; i < inquiry.Quotes.Count; i++)
        {
            var quote = inquiry.Quotes[i];
            var id = $"quote-{i + 1}";
            queries.Add(new RelevanceQuery(id, quote.Text));
            judgements[id] = new Dictionary<string, int> { [Path.GetFileNameWithoutExtension(quote.File)] = 1 };
        }

        return (new RelevanceCollection("sample inquiry (LBN)", documents, queries, judgements), rules);
    }

    /// <summary>The source's Markdown as the plain text a clerk would upload: no heading marks, no emphasis.</summary>
    private static string Plain(string markdown) =>
        MarkPattern().Replace(HeadingPattern().Replace(markdown, ""), "");

    [GeneratedRegex(@"^#+\s*", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\*\*|__")]
    private static partial Regex MarkPattern();
}
