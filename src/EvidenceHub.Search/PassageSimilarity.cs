using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>
/// BM25 (k1 = 1.2, b = 0.75, Lucene's norms) for passage text, except that a passage shorter than the
/// average passage is scored as if it were of average length. BM25's length normalisation exists so that
/// a long, wordy document does not win on repetition; on whole documents it also rewards shortness a
/// little, but passages include headings, speaker labels and one-line answers of three to ten words,
/// whose single mention of a query word then scored up to 1.7 times a full paragraph's. A short passage
/// holds no more evidence per word than an average one, so only a passage longer than average is
/// normalised (down); see <see cref="SubmissionRanking"/>.
/// </summary>
/// <remarks>
/// Norms are written exactly as <see cref="BM25Similarity"/> writes them (one byte per field, the length
/// in Lucene's lossy encoding), so an index is scored the same way whichever of the two wrote it.
/// </remarks>
public sealed class PassageSimilarity : Similarity
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private static readonly BM25Similarity Writer = new(K1, B);
    private static readonly float[] Lengths = Enumerable.Range(0, 256)
        .Select(i => SmallSingle.SByte315ToSingle((sbyte)i))
        .Select(f => 1f / (f * f))
        .ToArray();

    /// <summary>Passage text (<see cref="PassageFields.Text"/> and <see cref="PassageFields.TextExact"/>) scored by this, every other field by BM25.</summary>
    public static Similarity ForIndex { get; } = new PerField();

    public override long ComputeNorm(FieldInvertState state) => Writer.ComputeNorm(state);

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        var idf = new Explanation { Description = termStats.Length == 1 ? "idf" : "idf, sum of:" };
        foreach (var term in termStats)
        {
            var value = (float)Math.Log(1 + (collectionStats.MaxDoc - term.DocFreq + 0.5) / (term.DocFreq + 0.5));
            idf.Value += value;
            if (termStats.Length > 1)
            {
                idf.AddDetail(new Explanation(value, $"idf(docFreq={term.DocFreq}, maxDocs={collectionStats.MaxDoc})"));
            }
            else
            {
                idf.Description = $"idf(docFreq={term.DocFreq}, maxDocs={collectionStats.MaxDoc})";
            }
        }

        var average = collectionStats.SumTotalTermFreq <= 0 ? 1f : (float)(collectionStats.SumTotalTermFreq / (double)collectionStats.MaxDoc);
        var cache = new float[256];
        for (var i = 0; i < cache.Length; i++)
        {
            cache[i] = K1 * (1 - B + B * ScoredLength(Lengths[i], average) / average);
        }

        return new Stats(collectionStats.Field, idf, queryBoost, average, cache);
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var stats = (Stats)weight;
        return new Scorer(stats, context.AtomicReader.GetNormValues(stats.Field));
    }

    private static float ScoredLength(float length, float average) => Math.Max(length, average);

    private sealed class Stats(string field, Explanation idf, float queryBoost, float average, float[] cache) : SimWeight
    {
        public string Field { get; } = field;
        public Explanation Idf { get; } = idf;
        public float QueryBoost { get; } = queryBoost;
        public float Average { get; } = average;
        public float[] Cache { get; } = cache;
        public float Boost { get; private set; } = queryBoost;

        public override float GetValueForNormalization() => Idf.Value * QueryBoost * Idf.Value * QueryBoost;

        public override void Normalize(float queryNorm, float topLevelBoost) => Boost = QueryBoost * topLevelBoost;
    }

    private sealed class Scorer(Stats stats, NumericDocValues? norms) : SimScorer
    {
        private readonly float weight = stats.Idf.Value * stats.Boost * (K1 + 1);

        public override float Score(int doc, float freq)
        {
            var norm = norms is null ? K1 : stats.Cache[(byte)norms.Get(doc)];
            return weight * freq / (freq + norm);
        }

        public override float ComputeSlopFactor(int distance) => 1f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1f;

        public override Explanation Explain(int doc, Explanation freq)
        {
            var result = new Explanation { Description = $"score(doc={doc},freq={freq.Value}), product of:" };
            if (stats.Boost != 1f)
            {
                result.AddDetail(new Explanation(stats.Boost, "boost"));
            }

            result.AddDetail(stats.Idf);
            var tf = new Explanation { Description = "tfNorm, computed from:" };
            tf.AddDetail(freq);
            tf.AddDetail(new Explanation(K1, "parameter k1"));
            if (norms is null)
            {
                tf.AddDetail(new Explanation(0, "parameter b (norms omitted for field)"));
                tf.Value = freq.Value * (K1 + 1) / (freq.Value + K1);
            }
            else
            {
                var length = Lengths[(byte)norms.Get(doc)];
                var scored = ScoredLength(length, stats.Average);
                tf.AddDetail(new Explanation(B, "parameter b"));
                tf.AddDetail(new Explanation(stats.Average, "avgFieldLength"));
                tf.AddDetail(new Explanation(length, "fieldLength"));
                if (scored != length)
                {
                    tf.AddDetail(new Explanation(scored, "fieldLength as scored: a passage shorter than average counts as average"));
                }

                tf.Value = freq.Value * (K1 + 1) / (freq.Value + K1 * (1 - B + B * scored / stats.Average));
            }

            result.AddDetail(tf);
            result.Value = stats.Boost * stats.Idf.Value * tf.Value;
            return result;
        }
    }

    private sealed class PerField : PerFieldSimilarityWrapper
    {
        private readonly Similarity passages = new PassageSimilarity();
        private readonly Similarity other = new BM25Similarity();

        public override Similarity Get(string name) => name is PassageFields.Text or PassageFields.TextExact ? passages : other;
    }
}
