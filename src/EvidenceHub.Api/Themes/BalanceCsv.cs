using System.Globalization;
using System.Text;
using EvidenceHub.Core.Csv;

namespace EvidenceHub.Api.Themes;

/// <summary>The evidence balance as a spreadsheet: one row per theme; flags "; "-separated.</summary>
public static class BalanceCsv
{
    public static string Write(BalanceDto balance)
    {
        var csv = new StringBuilder();
        CsvCell.AppendRow(csv, ["theme", "submissions", "submitters", "categories", "campaign_share", "largest_campaign_share", "written", "oral", "quotes", "flags"]);
        foreach (var t in balance.Themes)
        {
            CsvCell.AppendRow(csv,
            [
                t.Name, Num(t.Submissions), Num(t.Submitters), string.Join("; ", t.Categories.Select(c => $"{c.Key} {c.Value}")),
                t.CampaignShare.ToString("0.###", CultureInfo.InvariantCulture), t.LargestCampaignShare.ToString("0.###", CultureInfo.InvariantCulture),
                Num(t.Written), Num(t.Oral), t.Quotes is { } q ? Num(q) : string.Empty, string.Join("; ", t.Flags),
            ]);
        }

        return csv.ToString();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
