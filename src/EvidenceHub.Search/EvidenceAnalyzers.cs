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
    /// <summary>
    /// The analyzers for reading: parsing queries, highlighting, spelling, rules and "more like this" all share it.
    /// An analyzer is safe to share between threads (each keeps its own token streams, built once and used
    /// again), so one per process saves building a tokenizer and its buffers for every search.
    /// </summary>
    public static readonly Analyzer Shared = Create();

    /// <summary>A new set of the index's analyzers (the writer's own; <see cref="Shared"/> for reading).</summary>
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
            stream = new DropUnchangedStemFilter(stream);
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

    /// <summary>
    /// Drops the stem of a word when stemming left it as it was, so that the word comes once at its position
    /// (what <see cref="RemoveDuplicatesTokenFilter"/> did here, without keeping a copy of every word in a set:
    /// that copy was the most of a snippet's analysis).
    /// </summary>
    private sealed class DropUnchangedStemFilter : TokenFilter
    {
        private readonly ICharTermAttribute term;
        private readonly IKeywordAttribute keyword;
        private char[] word = new char[32];
        private int wordLength;

        public DropUnchangedStemFilter(TokenStream input)
            : base(input)
        {
            term = AddAttribute<ICharTermAttribute>();
            keyword = AddAttribute<IKeywordAttribute>();
        }

        public override bool IncrementToken()
        {
            while (m_input.IncrementToken())
            {
                if (keyword.IsKeyword)
                {
                    wordLength = term.Length;
                    if (word.Length < wordLength)
                    {
                        word = new char[wordLength];
                    }

                    Array.Copy(term.Buffer, word, wordLength);
                    return true;
                }

                if (!term.Buffer.AsSpan(0, term.Length).SequenceEqual(word.AsSpan(0, wordLength)))
                {
                    return true;
                }
            }

            return false;
        }

        public override void Reset()
        {
            base.Reset();
            wordLength = 0;
        }
    }
}
