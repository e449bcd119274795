using System.Text;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// Inserts a submission's band keys (<see cref="MinHash.Bands"/> rows) in one statement. Through the change
/// tracker each row was an insert of its own returning its id, and a short letter's campaign step spent most of
/// its time there. Nothing reads a band back as an entity, so nothing is lost by not tracking them.
/// </summary>
public static class CampaignBandWriter
{
    public static async Task InsertAsync(EvidenceDbContext db, int inquiryId, long submissionId, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(CampaignBand))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").Append(Column(nameof(CampaignBand.InquiryId))).Append(", ").Append(Column(nameof(CampaignBand.Key)))
            .Append(", ").Append(Column(nameof(CampaignBand.SubmissionId))).Append(") VALUES ");
        var values = new List<object> { inquiryId, submissionId };
        for (var i = 0; i < keys.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append("({0}, {").Append(values.Count).Append("}, {1})");
            values.Add(keys[i]);
        }

        await db.Database.ExecuteSqlRawAsync(text.ToString(), values, cancellationToken);
    }
}
