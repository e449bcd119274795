using Lucene.Net.Index;
using Lucene.Net.Search;

namespace EvidenceHub.Search;

/// <summary>What the index holds of one submission: its passages, and the publication and anonymity they were written with.</summary>
public sealed record IndexedSubmission(int Passages, string Publication, bool Anonymous, bool Mixed);

/// <summary>
/// A census of the index by submission, for checking it against the database: read from the postings of
/// the publication and anonymity fields and the submission-id doc values, never from stored documents,
/// so it costs one pass over those postings (well under a second at a million passages).
/// </summary>
public static class IndexCensus
{
    public static IReadOnlyDictionary<long, IndexedSubmission> Take(IndexSearcher searcher)
    {
        var census = new Dictionary<long, IndexedSubmission>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var ids = reader.GetNumericDocValues(PassageFields.SubmissionId);
            if (ids is null)
            {
                continue;
            }

            var live = reader.LiveDocs;
            var publication = ValuesByDoc(reader, PassageFields.Publication, live);
            var anonymous = ValuesByDoc(reader, PassageFields.Anonymous, live);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                var id = ids.Get(doc);
                var docPublication = publication[doc] ?? "";
                var docAnonymous = anonymous[doc] == "true";
                census[id] = census.TryGetValue(id, out var seen)
                    ? seen with
                    {
                        Passages = seen.Passages + 1,
                        Mixed = seen.Mixed || seen.Publication != docPublication || seen.Anonymous != docAnonymous,
                    }
                    : new IndexedSubmission(1, docPublication, docAnonymous, Mixed: false);
            }
        }

        return census;
    }

    private static string?[] ValuesByDoc(AtomicReader reader, string field, Lucene.Net.Util.IBits? live)
    {
        var values = new string?[reader.MaxDoc];
        var terms = reader.GetTerms(field);
        if (terms is null)
        {
            return values;
        }

        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (termsEnum.MoveNext())
        {
            var value = termsEnum.Term.Utf8ToString();
            docs = termsEnum.Docs(live, docs, DocsFlags.NONE);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                values[doc] = value;
            }
        }

        return values;
    }
}
