namespace EvidenceHub.Bench.Campaigns;

/// <summary>
/// A seeded set of letters with known truth, for measuring campaign detection: template letters sent many
/// times over with the variations campaigns show (paragraphs added, dropped and reordered, greetings and
/// signatures changed, typos), mixed with unrelated letters on the same topic that borrow the same stock
/// phrases. Each letter knows its campaign (-1: none) and which of its paragraphs are the sender's own.
/// Also compiled into tests/EvidenceHub.Api.Tests.
/// </summary>
internal static class CampaignCorpus
{
    public sealed record Letter(int Campaign, IReadOnlyList<string> Passages, IReadOnlyList<bool> Own);

    private static readonly string[] Topic =
    [
        "community", "council", "funding", "residents", "neighbourhood", "local", "services", "youth", "club", "library",
        "park", "bus", "route", "housing", "rent", "volunteers", "hall", "pub", "grant", "bid", "regeneration", "high",
        "street", "shops", "jobs", "skills", "training", "health", "wellbeing", "isolation", "older", "people", "children",
        "families", "school", "transport", "broadband", "estate", "town", "centre", "investment", "decisions", "power",
        "trust", "ownership", "assets", "buildings", "closure", "cuts", "budget", "years", "future", "support", "money",
        "government", "levelling", "left", "behind", "places", "fund", "programme", "outcomes", "voice", "listen",
    ];

    private static readonly string[] Glue =
    [
        "the", "of", "and", "to", "in", "a", "that", "is", "for", "we", "our", "have", "not", "with", "this", "are", "be",
        "has", "been", "more", "would", "should", "it", "on", "as", "by", "was", "their", "they", "all", "but", "no",
    ];

    private static readonly string[] Stock =
    [
        "I am writing in response to the committee's call for evidence.",
        "Thank you for the opportunity to respond to this inquiry.",
        "I hope the committee will take these points into account.",
        "Our neighbourhood has been left behind for far too long.",
        "Levelling up must mean real power for local people.",
        "The high street has lost most of its shops in the last ten years.",
        "Bus services have been cut again this year.",
        "Please do not let this consultation be another talking shop.",
    ];

    private static readonly string[] Greetings = ["Dear Committee,", "Dear Sir or Madam,", "To the Committee,", "Dear Members of the Committee,", "Hello,", "Dear Chair,"];

    private static readonly string[] Closings = ["Yours sincerely,", "Yours faithfully,", "Kind regards,", "Best wishes,", "Thank you,"];

    private static readonly string[] Names = ["Ada", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Huw", "Isla", "Jon", "Kemi", "Lars", "Mina", "Noor", "Owen", "Pia"];

    private static readonly string[] Surnames = ["Ashdown", "Birchley", "Coldwell", "Dunmore", "Eastleigh", "Fernside", "Greystone", "Holloway", "Ivybridge", "Juniper"];

    /// <param name="letters">How many letters in all.</param>
    /// <param name="campaignShare">The share of them that are copies of a template.</param>
    /// <param name="seed">The same seed gives the same letters.</param>
    public static List<Letter> Generate(int letters, double campaignShare, int seed)
    {
        var random = new Random(seed);
        var copies = (int)(letters * campaignShare);
        var templates = new List<List<string>>();
        var result = new List<Letter>(letters);
        // Campaign sizes from 3 to a fifth of the copies, roughly Zipf: a few big campaigns, many small ones.
        while (result.Count < copies)
        {
            var size = Math.Min(copies - result.Count, Math.Max(3, (int)(copies / 5.0 / (templates.Count + 1))));
            if (copies - result.Count - size is > 0 and < 3)
            {
                size = copies - result.Count;
            }

            var template = Enumerable.Range(0, random.Next(4, 8)).Select(_ => Paragraph(random, random.Next(30, 70))).ToList();
            templates.Add(template);
            for (var i = 0; i < size; i++)
            {
                result.Add(Copy(random, templates.Count - 1, template));
            }
        }

        while (result.Count < letters)
        {
            result.Add(Unrelated(random));
        }

        return result.OrderBy(_ => random.Next()).ToList();
    }

    private static Letter Copy(Random random, int campaign, List<string> template)
    {
        var kept = template.Where(_ => random.NextDouble() >= 0.15).ToList();
        if (kept.Count < template.Count / 2)
        {
            kept = template.ToList();
        }

        if (random.NextDouble() < 0.3 && kept.Count > 2)
        {
            var a = random.Next(kept.Count);
            var b = random.Next(kept.Count);
            (kept[a], kept[b]) = (kept[b], kept[a]);
        }

        var body = kept.Select(p => (Text: Typos(random, p), Own: false)).ToList();
        var own = random.NextDouble() < 0.6 ? random.Next(1, 3) : 0;
        for (var i = 0; i < own; i++)
        {
            body.Insert(random.Next(body.Count + 1), (Paragraph(random, random.Next(20, 60)), true));
        }

        return Wrap(random, campaign, body);
    }

    private static Letter Unrelated(Random random)
    {
        var body = Enumerable.Range(0, random.Next(3, 8))
            .Select(_ => (Text: random.NextDouble() < 0.4 ? Stock[random.Next(Stock.Length)] + " " + Paragraph(random, random.Next(15, 50)) : Paragraph(random, random.Next(20, 70)), Own: false))
            .ToList();
        return Wrap(random, -1, body);
    }

    private static Letter Wrap(Random random, int campaign, List<(string Text, bool Own)> body)
    {
        var passages = new List<(string Text, bool Own)> { (Greetings[random.Next(Greetings.Length)], false) };
        passages.AddRange(body);
        passages.Add((Closings[random.Next(Closings.Length)], false));
        passages.Add(($"{Names[random.Next(Names.Length)]} {Surnames[random.Next(Surnames.Length)]}", false));
        return new Letter(campaign, passages.Select(p => p.Text).ToList(), passages.Select(p => p.Own).ToList());
    }

    private static string Paragraph(Random random, int words)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = random.NextDouble() < 0.45 ? Glue[random.Next(Glue.Length)] : Topic[random.Next(Topic.Length)];
            text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            text.Append(i == words - 1 ? "." : random.NextDouble() < 0.08 ? ". " : " ");
        }

        return text.ToString();
    }

    /// <summary>About one word in fifty with two letters swapped.</summary>
    private static string Typos(Random random, string paragraph)
    {
        var words = paragraph.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Length > 3 && random.NextDouble() < 0.02)
            {
                var c = words[i].ToCharArray();
                var at = random.Next(c.Length - 2);
                (c[at], c[at + 1]) = (c[at + 1], c[at]);
                words[i] = new string(c);
            }
        }

        return string.Join(' ', words);
    }
}
