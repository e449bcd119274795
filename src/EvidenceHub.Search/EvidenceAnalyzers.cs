using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

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
            stream = new RepeatForStemmingFilter(stream);
            stream = new PorterStemFilter(stream);
            stream = new RemoveDuplicatesTokenFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }

    /// <summary>
    /// What <see cref="KeywordRepeatFilter"/> does — each token twice at one position, first as a keyword
    /// (left unstemmed), then not (stemmed by the next filter) — without capturing and restoring every
    /// attribute of every token, which was a good part of highlighting's cost. Only the term, the
    /// keyword flag and the position increment differ between the two, so only they are set.
    /// </summary>
    private sealed class RepeatForStemmingFilter : TokenFilter
    {
        private readonly ICharTermAttribute term;
        private readonly IKeywordAttribute keyword;
        private readonly IPositionIncrementAttribute position;
        private char[] saved = new char[32];
        private int savedLength;
        private bool repeat;

        public RepeatForStemmingFilter(TokenStream input)
            : base(input)
        {
            term = AddAttribute<ICharTermAttribute>();
            keyword = AddAttribute<IKeywordAttribute>();
            position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (repeat)
            {
                repeat = false;
                term.CopyBuffer(saved, 0, savedLength);
                keyword.IsKeyword = false;
                position.PositionIncrement = 0;
                return true;
            }

            if (!m_input.IncrementToken())
            {
                return false;
            }

            savedLength = term.Length;
            if (saved.Length < savedLength)
            {
                saved = new char[savedLength];
            }

            Array.Copy(term.Buffer, saved, savedLength);
            keyword.IsKeyword = true;
            repeat = true;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            repeat = false;
        }
    }
}
