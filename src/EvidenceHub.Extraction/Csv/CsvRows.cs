using System.Text;

namespace EvidenceHub.Extraction.Csv;

/// <summary>Reads RFC 4180 CSV (fields with commas, quotes or line breaks are quoted; quotes doubled).</summary>
public static class CsvRows
{
    /// <summary>The rows of <paramref name="csv"/>, skipping blank lines; a byte-order mark is ignored.</summary>
    public static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var start = csv.Length > 0 && csv[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                EndRow();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        EndRow();
        return rows;

        void EndRow()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                rows.Add(fields);
            }

            fields = [];
        }
    }
}
