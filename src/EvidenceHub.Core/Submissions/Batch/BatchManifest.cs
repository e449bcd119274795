using EvidenceHub.Extraction.Csv;

namespace EvidenceHub.Core.Submissions.Batch;

/// <summary>One row of a clerk's manifest.csv: the file in the ZIP and what is known of its submitter.</summary>
public sealed record ManifestRow(int Line, string File, IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string column] =>
        Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>
/// Reads manifest.csv: a header row naming the columns (<c>file,submitterName,organisation,category,
/// kind,receivedOn,title</c>, optionally <c>anonymous</c>; any order, any case), then one row per file.
/// </summary>
public static class BatchManifest
{
    public static readonly IReadOnlyList<string> Columns =
        ["file", "submitterName", "organisation", "category", "kind", "receivedOn", "title", "anonymous"];

    public static (IReadOnlyList<ManifestRow> Rows, string? Problem) Read(string csv)
    {
        var rows = CsvRows.Parse(csv);
        if (rows.Count == 0)
        {
            return ([], "manifest.csv is empty: it needs a header row and one row per file.");
        }

        var header = rows[0].Select(h => h.Trim()).ToList();
        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (!header.Contains("file", StringComparer.OrdinalIgnoreCase))
        {
            return ([], $"manifest.csv has no 'file' column; its header must name the columns: {string.Join(",", Columns)}.");
        }

        if (unknown.Count > 0)
        {
            return ([], $"manifest.csv has columns this product does not know: {string.Join(", ", unknown)}. The columns are {string.Join(",", Columns)}.");
        }

        var names = header.Select(h => Columns.First(c => c.Equals(h, StringComparison.OrdinalIgnoreCase))).ToList();
        var result = new List<ManifestRow>();
        for (var i = 1; i < rows.Count; i++)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < names.Count; c++)
            {
                fields[names[c]] = c < rows[i].Count ? rows[i][c] : string.Empty;
            }

            result.Add(new ManifestRow(i + 1, NormalisePath(fields["file"]), fields));
        }

        return (result, null);
    }

    /// <summary>ZIP entry names use forward slashes; a manifest may say <c>.\letters\a.pdf</c>.</summary>
    public static string NormalisePath(string path)
    {
        var normal = path.Trim().Replace('\\', '/');
        while (normal.StartsWith("./", StringComparison.Ordinal))
        {
            normal = normal[2..];
        }

        return normal.TrimStart('/');
    }
}
