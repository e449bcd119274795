using EvidenceHub.Bench.Queries;
using Npgsql;
using NpgsqlTypes;

namespace EvidenceHub.Bench.Postgres;

/// <summary>
/// The query mix in PostgreSQL: passages matching the tsquery ranked by <c>ts_rank_cd</c>, grouped into
/// submissions (best passage each), the top 20 with a <c>ts_headline</c> snippet, the total, and facet
/// counts of distinct submissions by GROUP BY — each facet ignoring its own filter, as ours do.
/// </summary>
internal static class PgQueries
{
    private const string Sql = """
        WITH q AS (SELECT {0} AS q),
        m AS MATERIALIZED (
          SELECT p.id, p.submission_id, p.kind, p.category, p.organisation, p.year, p.inquiry, ts_rank_cd(p.tsv, q.q) AS r,
                 ($2::text[] IS NULL OR p.category = ANY($2)) AS f_cat,
                 ($3::int IS NULL OR p.year = $3) AS f_year,
                 ($4::text IS NULL OR p.kind = $4) AS f_kind
          FROM passages p, q WHERE p.tsv @@ q.q),
        hits AS (SELECT DISTINCT ON (submission_id) submission_id, id, r FROM m WHERE f_cat AND f_year AND f_kind ORDER BY submission_id, r DESC),
        top AS (SELECT * FROM hits ORDER BY r DESC, submission_id LIMIT 20)
        SELECT 'hit', p.reference || ' ' || ts_headline('english', p.text, q.q, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2'), 0::bigint
          FROM top JOIN passages p ON p.id = top.id, q
        UNION ALL SELECT 'total', NULL, count(*) FROM hits
        UNION ALL SELECT 'kind', kind, count(DISTINCT submission_id) FROM m WHERE f_cat AND f_year GROUP BY kind
        UNION ALL SELECT 'category', category, count(DISTINCT submission_id) FROM m WHERE f_year AND f_kind GROUP BY category
        UNION ALL SELECT 'year', year::text, count(DISTINCT submission_id) FROM m WHERE f_cat AND f_kind GROUP BY year
        UNION ALL SELECT 'inquiry', inquiry, count(DISTINCT submission_id) FROM m WHERE f_cat AND f_year AND f_kind GROUP BY inquiry
        UNION ALL (SELECT 'organisation', organisation, count(DISTINCT submission_id) AS n FROM m WHERE f_cat AND f_year AND f_kind
                   GROUP BY organisation ORDER BY n DESC LIMIT 10)
        """;

    private const string Plain = "to_tsquery('english', $1)";

    private const string Fuzzy = """
        (SELECT to_tsquery('english', coalesce(string_agg(word, ' | '), 'zzzznomatch')) FROM lexicon
          WHERE word % $1 AND levenshtein(word, $1) <= 2)
        """;

    public static void Run(string connectionString, string output, int rounds)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var settings = new NpgsqlCommand("SET pg_trgm.similarity_threshold = 0.3", connection))
        {
            settings.ExecuteNonQuery();
        }

        Latencies.Measure("postgresql", output, rounds, q => Search(connection, q));
    }

    private static int Search(NpgsqlConnection connection, BenchQuery q)
    {
        using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, q.Fuzzy ? Fuzzy : Plain), connection)
        {
            CommandTimeout = 0,
        };
        command.Parameters.Add(new NpgsqlParameter { Value = q.PgQuery, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = q.Faceted ? QueryMix.Filters["category"].ToArray() : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = q.Faceted ? int.Parse(QueryMix.Filters["year"][0], System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Integer,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = q.Faceted ? QueryMix.Filters["kind"][0] : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var total = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (reader.GetString(0) == "total")
            {
                total = (int)reader.GetInt64(2);
            }
        }

        return total;
    }
}
