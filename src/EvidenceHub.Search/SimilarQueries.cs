using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>"More like this": the most distinctive stemmed words of a text, as a query on the passage text.</summary>
internal static class SimilarQueries
{
    public static Query Like(IndexReader reader, string text)
    {
        var mlt = new MoreLikeThis(reader)
        {
            Analyzer = EvidenceAnalyzers.Shared,
            FieldNames = [PassageFields.Text],
            // Evidence passages are short and an inquiry's corpus can be small: a word said once counts.
            MinTermFreq = 1,
            MinDocFreq = 1,
            MinWordLen = 3,
            MaxQueryTerms = 25,
            StopWords = StopAnalyzer.ENGLISH_STOP_WORDS_SET,
        };
        using var source = new StringReader(text);
        return mlt.Like(source, PassageFields.Text);
    }
}
