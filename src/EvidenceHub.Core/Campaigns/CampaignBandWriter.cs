using System.Text;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EvidenceHub.Core.Campaigns;

/// <summary>
/// Inserts submissions' band keys (<see cref="MinHash.Bands"/> rows each) in as few statements as the database's
/// parameter limit allows. Through the change tracker each row was an insert of its own returning its id, and a
/// short letter's campaign step spent most of its time there. Nothing reads a band back as an entity, so nothing
/// is lost by not tracking them.
/// </summary>
public static class CampaignBandWriter
{
    /// <summary>Parameters in one statement, well inside SQL Server's 2,100 (SQLite and PostgreSQL allow more).</summary>
    private const int MaxParameters = 1000;

    public static async Task InsertAsync(EvidenceDbContext db, IReadOnlyList<(int InquiryId, long SubmissionId, IReadOnlyList<long> Keys)> submissions,
        CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(CampaignBand))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(CampaignBand.InquiryId))}, "
            + $"{Column(nameof(CampaignBand.Key))}, {Column(nameof(CampaignBand.SubmissionId))}) VALUES ";

        var text = new StringBuilder(head);
        var values = new List<object>();
        foreach (var (inquiryId, submissionId, keys) in submissions.Where(s => s.Keys.Count > 0))
        {
            if (values.Count + keys.Count + 2 > MaxParameters && values.Count > 0)
            {
                await db.Database.ExecuteSqlRawAsync(text.ToString(), values, cancellationToken);
                text.Clear().Append(head);
                values.Clear();
            }

            var inquiry = values.Count;
            values.Add(inquiryId);
            values.Add(submissionId);
            foreach (var key in keys)
            {
                text.Append(values.Count == 2 ? "(" : ", (")
                    .Append('{').Append(inquiry).Append("}, {").Append(values.Count).Append("}, {").Append(inquiry + 1).Append("})");
                values.Add(key);
            }
        }

        if (values.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(text.ToString(), values, cancellationToken);
        }
    }
}
