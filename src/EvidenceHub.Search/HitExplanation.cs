using System.Globalization;
using System.Text;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>
/// Why a hit scored what it did, in words a member of staff can check: how its best passages were
/// combined (<see cref="SubmissionRanking"/>), then Lucene's own explanation of each of those passages
/// (BM25 of each matching word in the text, and the title's share).
/// </summary>
internal static class HitExplanation
{
    public static string Of(IndexSearcher searcher, Query query, SubmissionHit hit)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{hit.Score:0.####} = ");
        var weight = 1f;
        for (var i = 0; i < Math.Min(hit.Passages.Count, SubmissionRanking.CombinedPassages); i++)
        {
            var p = hit.Passages[i];
            text.Append(i == 0 ? "" : " + ")
                .Append(i == 0 ? "" : $"{weight.ToString("0.##", CultureInfo.InvariantCulture)} × ")
                .Append(CultureInfo.InvariantCulture, $"{p.Score:0.####} (passage {p.Ordinal + 1})");
            weight *= SubmissionRanking.Decay;
        }

        text.Append(CultureInfo.InvariantCulture,
            $": the best passage, plus {SubmissionRanking.Decay:0.##} of the next and so on, over the best {SubmissionRanking.CombinedPassages} passages.\n");
        foreach (var p in hit.Passages)
        {
            if (PassageDoc(searcher, p.PassageId) is not { } doc)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"\nPassage {p.Ordinal + 1}:\n").Append(searcher.Explain(query, doc));
        }

        return text.ToString();
    }

    private static int? PassageDoc(IndexSearcher searcher, long passageId)
    {
        var top = searcher.Search(new TermQuery(new Lucene.Net.Index.Term(PassageFields.PassageId, PassageDocumentMapper.Id(passageId))), 1);
        return top.ScoreDocs.Length > 0 ? top.ScoreDocs[0].Doc : null;
    }
}
