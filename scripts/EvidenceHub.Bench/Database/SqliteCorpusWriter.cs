using System.Diagnostics;
using EvidenceHub.Bench.Corpus;
using EvidenceHub.Core;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Bench.Database;

/// <summary>
/// Writes the generated corpus into the embedded database of a data directory, as the API's pipeline
/// would have left it (every submission indexed), so the API serving that directory has a database that
/// agrees with the index the bench builds. Submissions go through EF Core (the API's own mapping);
/// passages, a million rows, through one prepared statement named from the EF model.
/// </summary>
internal static class SqliteCorpusWriter
{
    public static void Write(string dataDirectory, int passages, int seed)
    {
        var clock = Stopwatch.StartNew();
        var options = new EvidenceHubOptions { DataDirectory = dataDirectory };
        Directory.CreateDirectory(options.FullDataDirectory);
        File.Delete(options.DatabasePath);
        using (var db = DatabaseRegistration.CreateContext(options, null))
        {
            DatabaseInitializer.InitializeAsync(db, CancellationToken.None).GetAwaiter().GetResult();
            db.Inquiries.AddRange(CorpusGenerator.Inquiries(CorpusGenerator.SubmissionCount(passages)));
            db.SaveChanges();
        }

        var generator = new CorpusGenerator(seed);
        var passageTable = PassageTable(options);
        using var connection = new SqliteConnection(DatabaseRegistration.EmbeddedConnectionString(options));
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }

        var rows = 0L;
        foreach (var chunk in generator.Submissions(passages).Chunk(2_000))
        {
            using (var db = DatabaseRegistration.CreateContext(options, null))
            {
                // Explicit ids are kept; passages follow through the prepared statement below.
                var own = chunk.ToDictionary(s => s.Id, s => s.Passages);
                foreach (var s in chunk)
                {
                    s.Passages = [];
                }

                db.Submissions.AddRange(chunk);
                db.SaveChanges();
                foreach (var s in chunk)
                {
                    s.Passages = own[s.Id];
                }
            }

            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = passageTable.Insert;
            var parameters = passageTable.Columns.Select(c => insert.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
            insert.Prepare();
            foreach (var p in chunk.SelectMany(s => s.Passages))
            {
                object?[] values = [p.Id, p.SubmissionId, p.Ordinal, p.Page, p.Paragraph, p.Question, p.Speaker, p.Role.ToString(), p.Text];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
                rows++;
            }

            transaction.Commit();
        }

        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        Console.Error.WriteLine($"database: {rows:N0} passages in {clock.Elapsed.TotalSeconds:F1} s → {options.DatabasePath}");
    }

    private sealed record Table(string Insert, IReadOnlyList<string> Columns);

    /// <summary>Table and column names as EF Core maps them, so the raw insert cannot drift from the model.</summary>
    private static Table PassageTable(EvidenceHubOptions options)
    {
        using var db = DatabaseRegistration.CreateContext(options, null);
        var entity = db.Model.FindEntityType(typeof(Passage))!;
        string Column(string property) => entity.FindProperty(property)!.GetColumnName();
        string[] properties = [nameof(Passage.Id), nameof(Passage.SubmissionId), nameof(Passage.Ordinal), nameof(Passage.Page),
            nameof(Passage.Paragraph), nameof(Passage.Question), nameof(Passage.Speaker), nameof(Passage.Role), nameof(Passage.Text)];
        var columns = properties.Select(Column).ToList();
        return new Table(
            $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})",
            columns);
    }
}
