using System.Diagnostics;
using EvidenceHub.Bench.Corpus;
using EvidenceHub.Core.Submissions;
using Npgsql;
using NpgsqlTypes;

namespace EvidenceHub.Bench.Postgres;

/// <summary>
/// The same generated corpus in PostgreSQL full-text search, as a PostgreSQL user would build it: one row
/// per passage with its submission's facet columns, a stored english <c>tsvector</c> with a GIN index, and
/// a word list with a trigram index for fuzzy terms (PostgreSQL has no fuzzy full-text operator).
/// </summary>
internal static class PgCorpus
{
    public static void Load(string connectionString, int passages, int seed)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, """
            DROP TABLE IF EXISTS passages; DROP TABLE IF EXISTS lexicon;
            CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
            CREATE TABLE passages (
              id bigint PRIMARY KEY, submission_id bigint NOT NULL, reference text NOT NULL, inquiry text NOT NULL,
              kind text NOT NULL, category text, organisation text, year int, publication text NOT NULL, text text NOT NULL,
              tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED);
            """);
        var prefixes = CorpusGenerator.Inquiries(CorpusGenerator.SubmissionCount(passages)).ToDictionary(i => i.Id, i => i.Prefix);
        using (var copy = connection.BeginBinaryImport(
            "COPY passages (id, submission_id, reference, inquiry, kind, category, organisation, year, publication, text) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in new CorpusGenerator(seed).Submissions(passages))
            {
                foreach (var p in s.Passages)
                {
                    copy.StartRow();
                    copy.Write(p.Id, NpgsqlDbType.Bigint);
                    copy.Write(s.Id, NpgsqlDbType.Bigint);
                    copy.Write(s.Reference, NpgsqlDbType.Text);
                    copy.Write(prefixes[s.InquiryId], NpgsqlDbType.Text);
                    copy.Write(s.Kind.ToCode(), NpgsqlDbType.Text);
                    WriteNullable(copy, s.Category?.ToCode());
                    WriteNullable(copy, s.Organisation);
                    copy.Write(s.ReceivedOn!.Value.Year, NpgsqlDbType.Integer);
                    copy.Write(s.Publication.ToCode(), NpgsqlDbType.Text);
                    copy.Write(p.Text, NpgsqlDbType.Text);
                }
            }

            copy.Complete();
        }

        var copied = clock.Elapsed.TotalSeconds;
        Execute(connection, "CREATE INDEX passages_tsv ON passages USING gin (tsv);");
        var indexed = clock.Elapsed.TotalSeconds;
        Execute(connection, """
            CREATE TABLE lexicon AS SELECT word FROM ts_stat('SELECT to_tsvector(''simple'', text) FROM passages');
            CREATE INDEX lexicon_trgm ON lexicon USING gin (word gin_trgm_ops);
            """);
        Execute(connection, "VACUUM ANALYZE passages"); // VACUUM cannot share a command with others
        Execute(connection, "ANALYZE lexicon");
        Console.Error.WriteLine(
            $"postgresql: {passages:N0} passages copied with tsvector in {copied:F0} s, GIN index {indexed - copied:F0} s, lexicon and analyze {clock.Elapsed.TotalSeconds - indexed:F0} s");
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}
