namespace EvidenceHub.Bench.Queries;

/// <summary>One latency table from the three backends' measurements: by query class, then all 20 without and with facets.</summary>
internal static class LatencySummary
{
    public static void Run(string corpus, string inProcessFile, string httpFile, string? pgFile, Report report)
    {
        var inProcess = Latencies.Read(inProcessFile);
        var http = Latencies.Read(httpFile);
        var pg = pgFile is not null && File.Exists(pgFile) ? Latencies.Read(pgFile) : null;
        var groups = QueryMix.All.GroupBy(q => q.Class).Select(g => (Name: $"{g.Key} ({g.Count()})", Queries: g.ToList()))
            .Append(("all 20, no facets", QueryMix.All.Where(q => !q.Faceted).ToList()))
            .Append(("all 20, 3 facets", QueryMix.All.Where(q => q.Faceted).ToList()))
            .Append(("**all 20**", QueryMix.All.ToList()));
        foreach (var (name, queries) in groups)
        {
            var ours = Pool(inProcess, queries);
            var served = Pool(http, queries);
            var peer = pg is null ? null : Pool(pg, queries);
            report.Row("latency", corpus, name, Fmt.Triple(ours), Fmt.Triple(served),
                peer is null ? "—" : Fmt.Triple(peer),
                peer is null ? "—" : $"{Fmt.Ratio(Fmt.Percentile(peer, 50) / Fmt.Percentile(served, 50))} / {Fmt.Ratio(Fmt.Percentile(peer, 99) / Fmt.Percentile(served, 99))}");
        }

        // The raw hit counts, so a reader can see both engines found comparable sets.
        foreach (var q in QueryMix.All)
        {
            Console.Error.WriteLine($"  {q.Key}: ours {inProcess.Totals[q.Key]} submissions, http {http.Totals[q.Key]}, postgresql {(pg is null ? "—" : pg.Totals[q.Key].ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }
    }

    private static List<double> Pool(Measured measured, IEnumerable<BenchQuery> queries) =>
        queries.SelectMany(q => measured.Latencies[q.Key]).Order().ToList();
}
