using System.Globalization;

namespace EvidenceHub.Bench;

/// <summary>
/// Rows of the benchmark's Markdown tables. Each table is a file in the report folder, so the separate
/// runs of one benchmark (each phase in its own process, for an honest peak working set) build one report.
/// </summary>
internal sealed class Report(string? folder)
{
    private static readonly Dictionary<string, string[]> Headers = new()
    {
        ["extraction"] = ["PDFs", "files and pages", "EvidenceHub (PdfPig, in child processes)", "pdftotext (poppler)", "EvidenceHub ÷ pdftotext"],
        ["extraction-overhead"] = ["file", "requests", "in the server's process, ms each", "through a child process, ms each (added)", "through the pool, one per core at a time"],
        ["indexing"] = ["corpus", "throughput", "size and memory", "target"],
        ["latency"] = ["corpus", "queries", "in-process p50 / p95 / p99 ms", "HTTP p50 / p95 / p99 ms", "PostgreSQL p50 / p95 / p99 ms", "PostgreSQL ÷ HTTP at p50 / p99"],
        ["upload"] = ["server holds", "uploads", "202 → first hit p50 / p95 / max", "POST → 202 p50", "target"],
        ["load"] = ["corpus", "client", "searches/s", "p50 / p99 ms", "errors"],
        ["themes"] = ["corpus", "rules over one submission", "throughput", "target"],
        ["ingest"] = ["server", "submissions", "sent as", "all accepted after", "all searchable after", "submissions/s", "target"],
        ["campaigns"] = ["letters", "time, one thread", "campaigns found", "own words", "target"],
        ["relevance"] = ["collection", "queries judged", "system", "nDCG@10", "MAP@100", "P@10", "R@100", "target"],
        ["relevance-speed"] = ["collection", "queries", "server tookMs p50 / p95 / p99", "HTTP p50 / p95 / p99 ms", "target"],
        ["drafts"] = ["evidence", "draft", "checked (JSON) first / p50", "with comments (Word) first / p50", "target"],
        ["spelling"] = ["corpus", "queries", "as", "without suggestion p50 / p95 ms", "with suggestion p50 / p95 ms", "added at p50, ms", "offered a suggestion"],
        ["replica"] = ["cluster", "load", "indexed on A → found on B p50 / p99 / max", "target"],
    };

    public void Row(string table, params string[] cells)
    {
        var line = "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
        Console.WriteLine(line);
        if (folder is null)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, table + ".md");
        if (!File.Exists(path))
        {
            var header = Headers[table];
            File.WriteAllLines(path, ["| " + string.Join(" | ", header) + " |", "|" + string.Concat(header.Select(_ => "---|"))]);
        }

        File.AppendAllLines(path, [line]);
    }
}

internal static class Fmt
{
    public static string Count(long n) => n >= 1_000_000 && n % 1_000_000 == 0 ? $"{n / 1_000_000}M"
        : n >= 1000 && n % 1000 == 0 ? $"{n / 1000}k" : n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(double ms) => ms >= 100 ? ms.ToString("F0", CultureInfo.InvariantCulture) : ms.ToString("F1", CultureInfo.InvariantCulture);

    public static string Ratio(double r) => r >= 10 ? $"{r:F0}×" : r >= 0.095 ? $"{r:F1}×" : $"{r:F2}×";

    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Triple(IReadOnlyList<double> sorted) =>
        $"{Ms(Percentile(sorted, 50))} / {Ms(Percentile(sorted, 95))} / {Ms(Percentile(sorted, 99))}";
}
