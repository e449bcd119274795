using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceHub.Api.Tests.Themes;

/// <summary>
/// A rule edit, a corrected version and a withdrawal racing each other: once everything has settled, every
/// submission's automatic tags are what the latest rule gives on its latest passages, search agrees with
/// the tags, and the public finds nothing withdrawn.
/// </summary>
[TestClass]
public sealed class ThemeRaceTests
{
    private const string Prefix = "TRACE";
    private const int Submissions = 8;
    private const int Rounds = 20;
    private static readonly string[] Words = ["harbour", "meadow", "orchard", "quarry"];
    private static readonly string[] RaceRules = ["harbour", "meadow OR quarry", "orchard", "quarry", "harbour OR orchard"];

    private static EvidenceHubFactory factory = null!;
    private static ApiClient staff = null!;
    private static ApiClient visitor = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        factory = new EvidenceHubFactory();
        staff = new ApiClient(factory.CreateAdminClient());
        visitor = new ApiClient(factory.CreatePublicClient());
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task Rule_edits_corrected_versions_and_withdrawals_racing_leave_the_latest_rules_tags_on_the_latest_passages()
    {
        await staff.CreateInquiryAsync(Prefix);
        var theme = await staff.CreateThemeAsync(Prefix, "Race", "ceiling");
        var references = await Task.WhenAll(Enumerable.Range(0, Submissions).Select(n =>
            staff.UploadAcceptedAsync(Prefix, Version(n, round: -1), $"s{n}.txt", new Dictionary<string, string> { ["submitterName"] = $"Witness {n}" })));
        foreach (var reference in references)
        {
            await staff.WaitUntilDoneAsync(reference);
            await staff.PublishAsync(reference);
        }

        var withdrawn = new HashSet<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var n = round % Submissions;
            var reference = references[n];
            var race = new List<Task<HttpResponseMessage>>
            {
                staff.Http.PutAsJsonAsync($"/api/themes/{theme}", new { rule = RaceRules[round % RaceRules.Length] }),
                staff.PostVersionAsync(reference, Version(n, round), $"s{n}-r{round}.txt"),
            };
            // Every other round withdraws the submission; the others publish it again.
            var publication = round % 2 == 0 ? "withheld" : "published";
            race.Add(staff.Http.PostAsJsonAsync($"/api/submissions/{reference}/publication", new { publication }));
            foreach (var response in await Task.WhenAll(race))
            {
                Assert.IsTrue(response.IsSuccessStatusCode, $"round {round}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            if (publication == "withheld")
            {
                withdrawn.Add(reference);
            }
            else
            {
                withdrawn.Remove(reference);
            }

            await SettledAsync(references);
            await AssertTagsFollowTheLatestRuleAsync(theme, references, $"round {round}");
        }

        await AssertSearchAgreesAsync(references, withdrawn);
    }

    /// <summary>
    /// The protocol itself, made to lose the race every time: rules evaluated on passages that a corrected
    /// version has replaced before the tags are written must not be written.
    /// </summary>
    [TestMethod]
    public async Task Tags_evaluated_on_passages_replaced_meanwhile_are_evaluated_again_before_they_are_written()
    {
        const string prefix = "STALE";
        await staff.CreateInquiryAsync(prefix);
        var theme = await staff.CreateThemeAsync(prefix, "Harbours", "harbour");
        var reference = await staff.UploadAcceptedAsync(prefix, TestDocuments.Text("The harbour wall is old.", "The meadow floods in winter."), "v1.txt");
        await staff.WaitUntilDoneAsync(reference);

        List<SubmissionPassages> stale;
        int inquiryId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
            var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Reference == reference);
            inquiryId = submission.InquiryId;
            stale = await RulePassages.ReadAsync(db, [submission.Id], prefix, CancellationToken.None);
        }

        // Same number of passages, different words: only the content version tells the two apart.
        var corrected = await staff.PostVersionAsync(reference, TestDocuments.Text("The orchard is young.", "The harbour silts up every year."), "v2.txt");
        Assert.AreEqual(HttpStatusCode.Accepted, corrected.StatusCode);
        await staff.WaitUntilDoneAsync(reference);
        await SettledAsync([reference]);

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AutomaticTagWriter>().EvaluateAndWriteAsync(stale, inquiryId, theme, CancellationToken.None);
        }

        var harbour = (await PassagesAsync(reference)).Single(p => p.Text.Contains("harbour", StringComparison.Ordinal)).Id;
        var tags = (await staff.GetJsonAsync($"/api/submissions/{reference}/themes")).AsArray();
        Assert.AreSequenceEqual(new long?[] { null, harbour }, tags.Select(t => t!["passageId"]?.GetValue<long>()).Order().ToList(),
            "the corrected version's harbour passage and the submission are tagged; the old passage is not");
    }

    /// <summary>A rule saved between the evaluation and the write: the write evaluates the new rule under the lock.</summary>
    [TestMethod]
    public async Task Tags_evaluated_with_a_rule_changed_meanwhile_are_evaluated_again_with_the_new_rule()
    {
        const string prefix = "RULEV";
        await staff.CreateInquiryAsync(prefix);
        var theme = await staff.CreateThemeAsync(prefix, "Floods", "harbour");
        var reference = await staff.UploadAcceptedAsync(prefix, TestDocuments.Text("The harbour wall is old.", "The meadow floods in winter."), "v1.txt");
        await staff.WaitUntilDoneAsync(reference);
        await SettledAsync([reference]);

        var stale = await EvaluateAsync(reference, prefix);
        await staff.ChangeRuleAsync(theme, "meadow");
        await SettledAsync([reference]);
        await WriteAsync(stale);

        var meadow = (await PassagesAsync(reference)).Single(p => p.Text.Contains("meadow", StringComparison.Ordinal)).Id;
        var tags = (await staff.GetJsonAsync($"/api/submissions/{reference}/themes")).AsArray();
        Assert.AreSequenceEqual(new long?[] { null, meadow }, tags.Select(t => t!["passageId"]?.GetValue<long>()).Order().ToList());
        Assert.IsTrue(tags.All(t => t!["ruleVersion"]!.GetValue<int>() == 2), "the tags are the new rule's");
    }

    /// <summary>Rules read names: a request for anonymity between the evaluation and the write is read under the lock.</summary>
    [TestMethod]
    public async Task Tags_evaluated_on_a_name_made_anonymous_meanwhile_are_evaluated_again()
    {
        const string prefix = "ANONV";
        await staff.CreateInquiryAsync(prefix);
        await staff.CreateThemeAsync(prefix, "Fergusons", "submitter:ferguson");
        var reference = await staff.UploadAcceptedAsync(prefix, TestDocuments.Text("We ask for a new bus shelter."), "v1.txt",
            new Dictionary<string, string> { ["submitterName"] = "Ann Ferguson" });
        await staff.WaitUntilDoneAsync(reference);
        await SettledAsync([reference]);
        Assert.IsNotEmpty((await staff.GetJsonAsync($"/api/submissions/{reference}/themes")).AsArray(), "a named submitter's name matches");

        var stale = await EvaluateAsync(reference, prefix);
        var patched = await staff.Http.PatchAsJsonAsync($"/api/submissions/{reference}", new { anonymous = true });
        Assert.AreEqual(HttpStatusCode.OK, patched.StatusCode, await patched.Content.ReadAsStringAsync());
        await SettledAsync([reference]);
        Assert.IsEmpty((await staff.GetJsonAsync($"/api/submissions/{reference}/themes")).AsArray(), "the refresh after the edit took the tags off");
        await WriteAsync(stale);

        Assert.IsEmpty((await staff.GetJsonAsync($"/api/submissions/{reference}/themes")).AsArray(), "an anonymous submitter's name matches no rule");
    }

    private static async Task<RuleEvaluation> EvaluateAsync(string reference, string prefix)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Reference == reference);
        var read = await RulePassages.ReadAsync(db, [submission.Id], prefix, CancellationToken.None);
        return await scope.ServiceProvider.GetRequiredService<AutomaticTagWriter>().EvaluateAsync(read, submission.InquiryId, null, CancellationToken.None);
    }

    private static async Task WriteAsync(RuleEvaluation evaluation)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AutomaticTagWriter>().WriteAsync(evaluation, CancellationToken.None);
    }

    private static byte[] Version(int submission, int round)
    {
        var word = (int i) => Words[(submission + round + 1 + i + 4) % Words.Length];
        return TestDocuments.Text(
            $"1. The {word(0)} matters to us (mark{submission}q, draft {round + 1}).",
            $"2. We also write about the {word(1)} and the village.",
            $"Submitted by witness {submission}.");
    }

    /// <summary>No submission waits to be read, and the job server is idle with nothing failed or to retry.</summary>
    private static async Task SettledAsync(IEnumerable<string> references)
    {
        foreach (var reference in references)
        {
            Assert.AreEqual("indexed", (await staff.WaitUntilDoneAsync(reference))["status"]!.GetValue<string>(), reference);
        }

        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await ThemeClient.WaitUntilAsync(
            () => Task.FromResult(monitoring.ProcessingCount() + monitoring.ScheduledCount() + monitoring.Queues().Sum(q => q.Length)),
            busy => busy == 0, "the job server is idle");
        Assert.AreEqual(0, monitoring.FailedCount(), "no job failed");
    }

    private static async Task AssertTagsFollowTheLatestRuleAsync(long theme, IEnumerable<string> references, string when)
    {
        var current = await staff.GetJsonAsync($"/api/themes/{theme}");
        var rule = current["rule"]!.GetValue<string>();
        var version = current["ruleVersion"]!.GetValue<int>();
        foreach (var reference in references)
        {
            var expected = (await PassagesAsync(reference)).Where(p => Matches(rule, p.Text)).Select(p => p.Id).Order().ToList();
            var tags = (await staff.GetJsonAsync($"/api/submissions/{reference}/themes")).AsArray();
            var what = $"{when}, {reference}, rule '{rule}' v{version}";
            Assert.AreSequenceEqual(expected, tags.Where(t => t!["passageId"] is not null).Select(t => t!["passageId"]!.GetValue<long>()).Order().ToList(), what);
            Assert.AreEqual(expected.Count > 0, tags.Any(t => t!["passageId"] is null), what + ": the submission's own tag");
            Assert.IsTrue(tags.All(t => t!["ruleVersion"]!.GetValue<int>() == version && t["origin"]!.GetValue<string>() == "automatic"), what);
        }
    }

    private static async Task AssertSearchAgreesAsync(string[] references, HashSet<string> withdrawn)
    {
        var tagged = new List<string>();
        foreach (var reference in references)
        {
            if ((await staff.GetJsonAsync($"/api/submissions/{reference}/themes")).AsArray().Count > 0)
            {
                tagged.Add(reference);
            }
        }

        Assert.IsNotEmpty(tagged);
        var results = await staff.WaitForReferencesAsync($"inquiry={Prefix}&theme=Race", [.. tagged]);
        Assert.AreEqual(tagged.Count, ThemeClient.Facet(results, "theme")["Race"]);
        await staff.WaitForReferencesAsync($"inquiry={Prefix}&q=" + Uri.EscapeDataString("theme:Race"), [.. tagged]);

        var published = tagged.Where(r => !withdrawn.Contains(r)).ToArray();
        var seen = await visitor.WaitForReferencesAsync($"inquiry={Prefix}&theme=Race", published);
        Assert.AreEqual(published.Length, ThemeClient.Facet(seen, "theme").GetValueOrDefault("Race"));
        for (var n = 0; n < references.Length; n++)
        {
            var expected = withdrawn.Contains(references[n]) ? [] : new[] { references[n] };
            await visitor.WaitForReferencesAsync($"q=mark{n}q", expected);
        }
    }

    private static bool Matches(string rule, string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '.', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        return rule.Split(" OR ").Any(words.Contains);
    }

    private sealed record PassageRow(long Id, string Text);

    private static async Task<List<PassageRow>> PassagesAsync(string reference) =>
        (await staff.GetJsonAsync($"/api/submissions/{reference}/passages")).AsArray()
            .Select(p => new PassageRow(p!["id"]!.GetValue<long>(), p["text"]!.GetValue<string>())).ToList();
}
