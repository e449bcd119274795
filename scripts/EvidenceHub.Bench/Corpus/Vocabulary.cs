namespace EvidenceHub.Bench.Corpus;

/// <summary>
/// A Zipf-distributed vocabulary: real function and policy words at the top ranks, then pronounceable
/// made-up words to a long tail, so term frequencies look like English evidence text.
/// </summary>
internal sealed class Vocabulary
{
    private static readonly string[] Common =
    [
        "the", "of", "and", "to", "in", "a", "that", "is", "for", "be", "are", "on", "with", "as", "it", "this", "by", "we",
        "have", "not", "or", "from", "at", "which", "their", "an", "has", "was", "they", "would", "can", "more", "local",
        "community", "should", "people", "been", "also", "these", "all", "but", "will", "there", "council", "funding",
        "government", "areas", "services", "support", "public", "our", "residents", "neighbourhoods", "other", "social",
        "new", "such", "where", "its", "need", "many", "groups", "health", "housing", "some", "work", "national", "about",
        "place", "than", "only", "into", "one", "most", "investment", "economic", "young", "evidence", "needs", "policy",
        "infrastructure", "they", "who", "between", "levelling", "deprived", "schools", "transport", "jobs", "access",
        "through", "regeneration", "long", "term", "capacity", "volunteers", "trust", "organisations", "authorities",
        "programme", "outcomes", "data", "towns", "level", "centre", "change", "high", "street", "ownership", "assets",
        "buildings", "pubs", "halls", "libraries", "parks", "youth", "clubs", "employment", "skills", "training", "poverty",
        "income", "wellbeing", "isolation", "digital", "broadband", "bus", "routes", "rural", "coastal", "industrial",
        "decline", "devolution", "mayors", "combined", "partnership", "charities", "grants", "lottery", "endowment",
        "philanthropy", "trustees", "boards", "engagement", "consultation", "participation", "democracy", "powers",
        "budget", "cuts", "austerity", "spending", "review", "fund", "bids", "competitive", "allocation", "formula",
        "index", "multiple", "deprivation", "measure", "indicators", "research", "survey", "interviews", "findings",
        "recommendation", "committee", "inquiry", "minister", "department", "whitehall", "treasury", "strategy",
        "framework", "delivery", "evaluation", "impact", "resilience", "cohesion", "pride", "belonging", "safety",
        "crime", "policing", "environment", "green", "spaces", "climate", "energy", "retrofit", "homes", "rent",
        "tenants", "landlords", "planning", "development", "land", "brewery", "shops", "market", "enterprise",
        "cooperative", "mutual", "social", "value", "procurement", "anchor", "institutions", "universities", "colleges",
        "hospitals", "wealth", "building", "allotment", "foodbank", "childcare", "carers", "older", "disabled", "migrants",
    ];

    private static readonly string[] Onsets = ["b", "br", "c", "cl", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pl", "r", "s", "st", "t", "tr", "v", "w"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    private static readonly string[] Codas = ["", "n", "r", "l", "s", "t", "m", "nd", "st", "ck", "ng"];

    private readonly string[] words;
    private readonly double[] cumulative;

    public Vocabulary(int size, int seed)
    {
        var random = new Random(seed);
        var all = new List<string>(size);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Common)
        {
            if (seen.Add(word))
            {
                all.Add(word);
            }
        }

        while (all.Count < size)
        {
            var syllables = 2 + random.Next(3);
            var word = string.Concat(Enumerable.Range(0, syllables).Select(_ =>
                Onsets[random.Next(Onsets.Length)] + Vowels[random.Next(Vowels.Length)] + Codas[random.Next(Codas.Length)]));
            if (seen.Add(word))
            {
                all.Add(word);
            }
        }

        words = [.. all];
        cumulative = new double[size];
        var total = 0.0;
        for (var rank = 0; rank < size; rank++)
        {
            total += 1.0 / (rank + 1); // Zipf, s = 1
            cumulative[rank] = total;
        }

        for (var rank = 0; rank < size; rank++)
        {
            cumulative[rank] /= total;
        }
    }

    public int Count => words.Length;

    public string this[int rank] => words[rank];

    public string Next(Random random)
    {
        var at = Array.BinarySearch(cumulative, random.NextDouble());
        return words[Math.Min(at < 0 ? ~at : at, words.Length - 1)];
    }
}
