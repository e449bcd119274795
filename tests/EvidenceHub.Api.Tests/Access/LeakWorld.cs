using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Access;

/// <summary>One submission of the leak suite's world, with what it planted and who may read it.</summary>
public sealed record LeakSubmission(string Inquiry, string Reference, string Publication, bool Anonymous, string Category, string? Organisation)
{
    public bool Published => Publication == "published";
}

/// <summary>
/// A random repository for the leak suite: inquiries with random publication, anonymity, corrected
/// versions, quotes and themes. Every text only staff may read carries a word of its own (an
/// unpublished submission's text, an anonymous submitter's name and organisation, an uploaded file's
/// name, an earlier version's text, a quote's note, a theme's rule), so a leak anywhere shows as that word.
/// </summary>
public sealed class LeakWorld
{
    public const string CommonWord = "lanterns";

    public static readonly string[] Prefixes = ["LKA", "LKB", "LKC"];

    private static readonly string[] Publications = ["published", "published", "published", "received", "withheld", "confidential"];

    private static readonly string[] Categories = ["community-group", "charity", "individual", "academic"];

    private readonly Random random;
    private int planted;

    public LeakWorld(int seed) => random = new Random(seed);

    public List<LeakSubmission> Submissions { get; } = [];

    /// <summary>Planted words by inquiry: everything only that inquiry's staff may read.</summary>
    public Dictionary<string, List<string>> Secrets { get; } = Prefixes.ToDictionary(p => p, _ => new List<string>());

    public List<long> ThemeIds { get; } = [];

    public List<long> QuoteIds { get; } = [];

    public List<long> PassageIds { get; } = [];

    /// <summary>A secret one edit away (its last letter dropped): a search for it must never be offered the secret as a spelling.</summary>
    public static string Misspelt(string secret) => secret[..^1];

    public async Task BuildAsync(ApiClient admin)
    {
        foreach (var prefix in Prefixes)
        {
            await admin.CreateInquiryAsync(prefix, $"Leak inquiry {prefix}");
            var rule = Plant(prefix);
            var theme = await admin.Http.PostAsJsonAsync($"/api/inquiries/{prefix}/themes", new { name = $"Lanterns {prefix}", rule = $"{CommonWord} OR {rule}" });
            Assert.AreEqual(HttpStatusCode.Created, theme.StatusCode, await theme.Content.ReadAsStringAsync());
            ThemeIds.Add(JsonNode.Parse(await theme.Content.ReadAsStringAsync())!["id"]!.GetValue<long>());

            // LKC never publishes anything: it must not exist for anyone outside it.
            var count = prefix == "LKC" ? 2 : 6 + random.Next(3);
            for (var i = 0; i < count; i++)
            {
                Submissions.Add(await UploadAsync(admin, prefix, prefix == "LKC" ? "received" : Publications[random.Next(Publications.Length)]));
            }

            // Copies of a template letter, so campaigns (their members, exemplar, labels and own words) are read too.
            for (var i = 0; i < 4; i++)
            {
                Submissions.Add(await UploadAsync(admin, prefix, prefix == "LKC" ? "received" : Publications[random.Next(Publications.Length)], campaignCopy: true));
            }
        }

        foreach (var s in Submissions)
        {
            await admin.WaitUntilDoneAsync(s.Reference);
            if (s.Publication != "received")
            {
                await admin.PublishAsync(s.Reference, s.Publication);
            }

            var passages = (await admin.GetJsonAsync($"/api/submissions/{s.Reference}/passages")).AsArray();
            PassageIds.AddRange(passages.Select(p => p!["id"]!.GetValue<long>()));
            if (random.Next(2) == 0)
            {
                var note = Plant(s.Inquiry);
                var quote = await admin.Http.PostAsJsonAsync("/api/quotes", new
                {
                    passageId = passages[0]!["id"]!.GetValue<long>(), text = CommonWord, note = $"note {note}", collection = $"Chapter {s.Inquiry}",
                });
                Assert.AreEqual(HttpStatusCode.Created, quote.StatusCode, await quote.Content.ReadAsStringAsync());
                QuoteIds.Add(JsonNode.Parse(await quote.Content.ReadAsStringAsync())!["id"]!.GetValue<long>());
            }
        }
    }

    private const string Template =
        "1. The lanterns of the old market square went dark when the council switched off the evening lamps, and we ask the committee to restore them.\n\n"
        + "2. Without the lamps the square is dark from four o'clock in winter and the stalls close early for want of customers.\n\n"
        + "3. We ask for a small fund, run by the traders and residents together, to pay for the lamps and the people who light them.";

    private async Task<LeakSubmission> UploadAsync(ApiClient admin, string prefix, string publication, bool campaignCopy = false)
    {
        var anonymous = random.Next(3) == 0;
        var category = anonymous ? "individual" : Categories[random.Next(Categories.Length)];
        var corrected = publication == "published" && random.Next(3) == 0;
        var name = anonymous ? $"Ann {Plant(prefix)}" : $"Named Person {Submissions.Count}";
        var organisation = anonymous ? $"{Plant(prefix)} Trust" : random.Next(2) == 0 ? $"Open Society {Submissions.Count % 3}" : null;
        var fields = new Dictionary<string, string> { ["submitterName"] = name, ["category"] = category, ["anonymous"] = anonymous ? "true" : "false" };
        if (organisation is not null)
        {
            fields["organisation"] = organisation;
        }

        // An unpublished text, and the first version of a corrected one, carry a word only staff may read.
        var secret = publication != "published" || corrected ? Plant(prefix) : "Published words only.";
        string Text(string second) => campaignCopy
            ? $"{Template}\n\n4. In my own words, which nobody else sent: {second} The {CommonWord} matter to number {Submissions.Count}-{prefix} of us."
            : $"1. The {CommonWord} of the square went dark in {2000 + Submissions.Count}.\n\n2. {second} Number {Submissions.Count}-{prefix}.";
        var reference = await admin.UploadAcceptedAsync(prefix, TestDocuments.Text(Text(secret)), $"upload {Plant(prefix)}.txt", fields);
        if (corrected)
        {
            await admin.WaitUntilDoneAsync(reference);
            var version = await admin.PostVersionAsync(reference, TestDocuments.Text(Text("Corrected words.")), $"corrected {Plant(prefix)}.txt");
            Assert.AreEqual(HttpStatusCode.Accepted, version.StatusCode, await version.Content.ReadAsStringAsync());
        }

        return new LeakSubmission(prefix, reference, publication, anonymous, category, anonymous ? null : organisation);
    }

    /// <summary>
    /// A word found nowhere else, remembered as a secret of the inquiry. Letters only, all of one length:
    /// a plain word, which a spelling suggestion could offer (<see cref="Misspelt"/>), and none inside another.
    /// </summary>
    private string Plant(string prefix)
    {
        var word = "zq" + prefix.ToLowerInvariant() + (char)('a' + planted % 26) + (char)('a' + planted / 26 % 26) + (char)('a' + planted / 676 % 26) + "xw";
        planted++;
        Secrets[prefix].Add(word);
        return word;
    }
}
