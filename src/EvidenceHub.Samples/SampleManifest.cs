using System.Globalization;
using EvidenceHub.Extraction.Csv;

namespace EvidenceHub.Samples;

/// <summary>
/// Reads the clerk's manifest.csv (RFC 4180: fields with commas or quotes are quoted, quotes doubled):
/// what is known of each submitter, how its file is laid out, and the clerk's publication decision.
/// </summary>
public static class SampleManifest
{
    const string Header = "file,submitterName,organisation,category,kind,receivedOn,title,anonymous,layout,publication";

    public static IReadOnlyList<SampleSubmission> Read(string csv)
    {
        var rows = CsvRows.Parse(csv);
        if (rows.Count == 0 || string.Join(',', rows[0]) != Header)
        {
            throw new InvalidDataException($"manifest.csv must start with the header '{Header}'.");
        }

        return rows.Skip(1).Select((fields, index) => fields.Count == 10
            ? new SampleSubmission(
                fields[0],
                fields[1],
                fields[2].Length == 0 ? null : fields[2],
                fields[3],
                fields[4],
                DateOnly.ParseExact(fields[5], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                fields[6],
                bool.Parse(fields[7]),
                SampleLayouts.Parse(fields[8]),
                fields[9])
            : throw new InvalidDataException($"manifest.csv row {index + 2} has {fields.Count} fields, not 10.")).ToList();
    }
}
