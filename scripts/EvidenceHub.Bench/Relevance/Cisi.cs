using System.Text;

namespace EvidenceHub.Bench.Relevance;

/// <summary>
/// Reads the CISI collection (SMART format: <c>.I id</c>, then fields <c>.T</c> title, <c>.A</c> author,
/// <c>.W</c> text, <c>.X</c> cross-references) from CISI.ALL, CISI.QRY and CISI.REL in one folder.
/// Every pair CISI.REL lists is relevant (gain 1).
/// </summary>
internal static class Cisi
{
    public static RelevanceCollection Load(string folder)
    {
        var documents = Records(Path.Combine(folder, "CISI.ALL"))
            .Select(r => new RelevanceDocument(r.Id, r.Fields.GetValueOrDefault("T", "").Trim(), r.Fields.GetValueOrDefault("W", "").Trim()))
            .ToList();
        var queries = Records(Path.Combine(folder, "CISI.QRY"))
            .Select(r => new RelevanceQuery(r.Id, r.Fields.GetValueOrDefault("W", "").Trim()))
            .ToList();
        var judgements = new Dictionary<string, Dictionary<string, int>>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "CISI.REL")))
        {
            var cells = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length >= 2)
            {
                if (!judgements.TryGetValue(cells[0], out var relevant))
                {
                    judgements[cells[0]] = relevant = [];
                }

                relevant[cells[1]] = 1;
            }
        }

        return new RelevanceCollection("CISI", documents, queries,
            judgements.ToDictionary(j => j.Key, j => (IReadOnlyDictionary<string, int>)j.Value));
    }

    private sealed record Record(string Id, Dictionary<string, string> Fields);

    private static IEnumerable<Record> Records(string path)
    {
        Record? current = null;
        string? field = null;
        var text = new StringBuilder();
        void Flush()
        {
            if (current is not null && field is not null)
            {
                current.Fields[field] = text.ToString();
            }

            text.Clear();
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(".I ", StringComparison.Ordinal))
            {
                Flush();
                if (current is not null)
                {
                    yield return current;
                }

                current = new Record(line[3..].Trim(), []);
                field = null;
            }
            else if (line.Length >= 2 && line[0] == '.' && char.IsUpper(line[1]) && line[2..].Trim().Length == 0)
            {
                Flush();
                field = line[1..2];
            }
            else if (field is not null)
            {
                text.Append(line).Append('\n');
            }
        }

        Flush();
        if (current is not null)
        {
            yield return current;
        }
    }
}
