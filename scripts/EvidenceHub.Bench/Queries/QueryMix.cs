namespace EvidenceHub.Bench.Queries;

/// <summary>One query of the fixed mix, in our search language and as PostgreSQL full-text search would say it.</summary>
internal sealed record BenchQuery(string Name, string Class, string Text, string PgQuery, bool Fuzzy, bool Faceted)
{
    public string Key => Faceted ? Name + " +3 facets" : Name;
}

/// <summary>
/// The fixed mix: ten queries (two each of term, phrase, boolean, proximity, fuzzy), each without and
/// with three facet filters — 20 in all. <see cref="Filters"/> are the three facets: category (two
/// values, OR), year and kind.
/// </summary>
internal static class QueryMix
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Filters = new Dictionary<string, IReadOnlyList<string>>
    {
        ["category"] = ["charity", "community-group"],
        ["year"] = ["2022"],
        ["kind"] = ["written"],
    };

    // PgQuery is a to_tsquery('english', …) expression; fuzzy ones are a word expanded through the lexicon.
    private static readonly (string Name, string Class, string Text, string Pg, bool Fuzzy)[] Base =
    [
        ("community", "term", "community", "community", false),
        ("allotment", "term", "allotment", "allotment", false),
        ("\"community ownership\"", "phrase", "\"community ownership\"", "community <-> ownership", false),
        ("\"local government funding\"", "phrase", "\"local government funding\"", "local <-> government <-> funding", false),
        ("funding AND council NOT austerity", "boolean", "funding AND council NOT austerity", "funding & council & !austerity", false),
        ("(pubs OR halls) AND residents", "boolean", "(pubs OR halls) AND residents", "(pubs | halls) & residents", false),
        ("\"funding neighbourhoods\"~5", "proximity", "\"funding neighbourhoods\"~5", Within("funding", "neighbourhoods", 5), false),
        ("\"youth skills\"~3", "proximity", "\"youth skills\"~3", Within("youth", "skills", 3), false),
        ("regeneraton~", "fuzzy", "regeneraton~", "regeneraton", true),
        ("volunters~", "fuzzy", "volunters~", "volunters", true),
    ];

    public static IReadOnlyList<BenchQuery> All { get; } =
        Base.SelectMany(b => new[] { false, true }.Select(f => new BenchQuery(b.Name, b.Class, b.Text, b.Pg, b.Fuzzy, f))).ToList();

    /// <summary>"a b"~n in PostgreSQL: either order, up to n words apart (its &lt;n&gt; means exactly n).</summary>
    private static string Within(string a, string b, int n) =>
        string.Join(" | ", Enumerable.Range(1, n).SelectMany(d => new[] { $"{a} <{d}> {b}", $"{b} <{d}> {a}" }));

    public static string QueryString(BenchQuery q)
    {
        var query = "q=" + Uri.EscapeDataString(q.Text);
        if (q.Faceted)
        {
            query += string.Concat(Filters.SelectMany(f => f.Value.Select(v => $"&{f.Key}={Uri.EscapeDataString(v)}")));
        }

        return query;
    }
}
