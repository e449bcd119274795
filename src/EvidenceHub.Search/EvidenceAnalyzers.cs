using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace EvidenceHub.Search;

/// <summary>
/// The analyzers of the index. Every text field folds case, diacritics and ligatures ("ﬁ" → "fi",
/// which PdfPig leaves in place); the main text field also stems English words for recall.
/// </summary>
public static class EvidenceAnalyzers
{
    public static Analyzer Create() => new PerFieldAnalyzerWrapper(
        new FoldingAnalyzer(stem: true),
        new Dictionary<string, Analyzer>
        {
            [PassageFields.TextExact] = new FoldingAnalyzer(stem: false),
            [PassageFields.SubmitterName] = new FoldingAnalyzer(stem: false),
            [PassageFields.Organisation] = new FoldingAnalyzer(stem: false),
            [PassageFields.Speaker] = new FoldingAnalyzer(stem: false),
            [PassageFields.Theme] = new FoldingAnalyzer(stem: false),
            [PassageFields.Reference] = new KeywordAnalyzer(),
            [HighlightField] = new HighlightAnalyzer(),
        });

    /// <summary>A field that only exists while highlighting: exact and stemmed forms at the same position.</summary>
    public const string HighlightField = "highlight";

    private sealed class FoldingAnalyzer(bool stem) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(PassageFields.Version, reader) { MaxTokenLength = 255 };
            TokenStream stream = new EnglishPossessiveFilter(PassageFields.Version, tokenizer);
            stream = new LowerCaseFilter(PassageFields.Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            if (stem)
            {
                stream = new PorterStemFilter(stream);
            }

            return new TokenStreamComponents(tokenizer, stream);
        }
    }

    private sealed class HighlightAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(PassageFields.Version, reader) { MaxTokenLength = 255 };
            TokenStream stream = new EnglishPossessiveFilter(PassageFields.Version, tokenizer);
            stream = new LowerCaseFilter(PassageFields.Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new KeywordRepeatFilter(stream);
            stream = new PorterStemFilter(stream);
            stream = new RemoveDuplicatesTokenFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
