using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.MultiNode;

/// <summary>
/// Two real server processes, A and B, on one real PostgreSQL: each its own data directory (its own index),
/// both the same files folder. What a second machine must not break: an upload to one node is found on the
/// other, a withdrawal holds everywhere at once, a node killed mid-batch loses nothing it accepted, and a
/// node started empty catches up.
/// </summary>
[TestClass]
public sealed class MultiNodeTests
{
    private const string Prefix = "MNA";

    private static PostgresServer server = null!;
    private static Cluster cluster = null!;
    private static NodeProcess a = null!;
    private static NodeProcess b = null!;
    private static ApiClient clerkA = null!;
    private static ApiClient clerkB = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        server = PostgresServer.Start();
        cluster = new Cluster(server, "evidencehub_multinode");
        try
        {
            // Both at once, as a deployment starts them: one database, one job queue, one files folder.
            var started = await Task.WhenAll(cluster.StartNodeAsync("A"), cluster.StartNodeAsync("B"));
            (a, b) = (started[0], started[1]);
            clerkA = new ApiClient(await a.CreateAdminClientAsync());
            clerkB = new ApiClient(await b.CreateAdminClientAsync());
            await clerkA.CreateInquiryAsync(Prefix, "Two nodes");
            await WarmUpAsync();
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>
    /// One upload through the whole way (intake, a job, both replicas, a search on each node) before the
    /// tests: the first pass of each step compiles its code, and the lag asked of a replica is a running
    /// node's, not a cold one's.
    /// </summary>
    private static async Task WarmUpAsync()
    {
        var marker = Marker();
        var reference = await clerkA.UploadAcceptedAsync(Prefix, Evidence(marker), "warm-up.txt");
        await WaitUntilIndexedAsync(clerkA, reference, TimeSpan.FromMinutes(2));
        await WaitUntilAsync(async () => await TotalAsync(clerkA, "q=" + marker) == 1 && await TotalAsync(clerkB, "q=" + marker) == 1,
            TimeSpan.FromMinutes(1), $"the warm-up upload {reference} found on A and B");
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
            cluster = null!;
        }

        server?.Dispose();
        server = null!;
    }

    [TestMethod]
    public async Task An_upload_to_A_is_found_on_B_within_two_seconds_of_A_marking_it_indexed()
    {
        var marker = Marker();
        var reference = await clerkA.UploadAcceptedAsync(Prefix, Evidence(marker), "lag.txt");
        await WaitUntilIndexedAsync(clerkA, reference);

        var lag = await WaitUntilAsync(async () => (await TotalAsync(clerkB, "q=" + marker)) == 1, TimeSpan.FromSeconds(30), $"{reference} found on B");

        Assert.IsLessThan(TimeSpan.FromSeconds(2), lag, $"{reference} was found on B {lag.TotalSeconds:F2} s after A said it was indexed");
    }

    [TestMethod]
    public async Task A_withdrawal_made_on_B_holds_on_A_as_soon_as_B_has_answered()
    {
        var marker = Marker();
        var reference = await clerkA.UploadAcceptedAsync(Prefix, Evidence(marker), "withdrawn.txt");
        await WaitUntilIndexedAsync(clerkA, reference);
        await clerkA.PublishAsync(reference);
        using var publicA = a.CreatePublicClient();
        using var publicB = b.CreatePublicClient();
        await WaitUntilAsync(async () => await TotalAsync(new ApiClient(publicA), "q=" + marker) == 1 && await TotalAsync(new ApiClient(publicB), "q=" + marker) == 1,
            TimeSpan.FromSeconds(30), $"the published {reference} found by the public on A and B");

        await clerkB.PublishAsync(reference, "withheld");

        // From B's answer on, and for as long as anyone looks: on A (and on B) the public never finds it again.
        var watching = Stopwatch.StartNew();
        do
        {
            Assert.AreEqual(0, await TotalAsync(new ApiClient(publicA), "q=" + marker), $"the public found {reference} on A {watching.ElapsedMilliseconds} ms after B withdrew it");
            Assert.AreEqual(HttpStatusCode.NotFound, (await publicA.GetAsync($"/api/submissions/{reference}")).StatusCode);
            Assert.AreEqual(0, await TotalAsync(new ApiClient(publicB), "q=" + marker), $"the public found {reference} on B after B withdrew it");
        }
        while (watching.Elapsed < TimeSpan.FromSeconds(1.5));
    }

    [TestMethod]
    public async Task A_token_revoked_through_A_is_refused_on_B_within_two_seconds_though_B_kept_it()
    {
        var created = await clerkA.Http.PostAsJsonAsync("/api/me/tokens", new { name = "two nodes", days = 30 });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        var token = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        using var scriptB = b.CreatePublicClient();
        scriptB.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());
        for (var i = 0; i < 3; i++)
        {
            // B reads the token once and keeps it (it keeps a token's last use for minutes).
            Assert.AreEqual(HttpStatusCode.OK, (await scriptB.GetAsync("/api/me")).StatusCode);
        }

        Assert.AreEqual(HttpStatusCode.NoContent, (await clerkA.Http.DeleteAsync($"/api/me/tokens/{token["id"]}")).StatusCode);
        var lag = await WaitUntilAsync(async () => (await scriptB.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(30), "the token revoked on A refused on B");

        Assert.IsLessThan(TimeSpan.FromSeconds(2), lag, $"B went on taking the token revoked on A for {lag.TotalSeconds:F2} s");
    }

    [TestMethod]
    public async Task A_node_killed_during_a_batch_loses_nothing_it_accepted_and_indexes_each_upload_once()
    {
        const string prefix = "MNK";
        await clerkA.CreateInquiryAsync(prefix, "A node killed mid-batch");
        var c = await cluster.StartNodeAsync("C");
        var clerkC = new ApiClient(await c.CreateAdminClientAsync());
        var accepted = new ConcurrentDictionary<string, string>(); // reference → its marker
        var refused = new ConcurrentBag<string>();
        using var slots = new SemaphoreSlim(4);
        var killed = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                var marker = Marker();
                using var response = await clerkC.UploadAsync(prefix, Evidence(marker), $"batch-{i}.txt");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    refused.Add($"{(int)response.StatusCode} {body}");
                    return;
                }

                accepted[JsonNode.Parse(body)!["reference"]!.GetValue<string>()] = marker;
                if (accepted.Count >= 6 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    c.Kill(); // SIGKILL, with uploads still in flight and more to come
                }
            }
            catch (HttpRequestException)
            {
                // C died under this request (or before it): not accepted, the client would send it again
            }
            finally
            {
                slots.Release();
            }
        }));

        Assert.IsEmpty(refused, string.Join("\n", refused));
        Assert.IsLessThan(20, accepted.Count, "the kill landed during the batch");
        var listed = (await clerkB.GetJsonAsync($"/api/inquiries/{prefix}/submissions?pageSize=100"))["items"]!.AsArray()
            .Select(s => s!["reference"]!.GetValue<string>()).ToList();
        foreach (var reference in accepted.Keys)
        {
            Assert.ContainsSingle(r => r == reference, listed, $"{reference} was accepted: it has one submission, in {string.Join(", ", listed)}");
        }

        // Every row is worked to the end by the nodes left, also one whose 202 never reached the client.
        foreach (var reference in listed)
        {
            await WaitUntilIndexedAsync(clerkB, reference, TimeSpan.FromSeconds(90));
        }

        foreach (var (reference, marker) in accepted)
        {
            await WaitUntilAsync(async () => await TotalAsync(clerkB, "q=" + marker) == 1, TimeSpan.FromSeconds(10), $"{reference} found on B");
            var hit = (await clerkB.SearchAsync("q=" + marker))["hits"]![0]!;
            Assert.AreEqual(reference, hit["reference"]!.GetValue<string>());
            var passages = (await clerkB.GetJsonAsync($"/api/submissions/{reference}/search?q={marker}")).AsArray();
            Assert.HasCount(2, passages, $"{reference}'s two passages with {marker}, each once: {passages.ToJsonString()}");
        }
    }

    [TestMethod]
    public async Task A_node_started_empty_catches_up_and_as_a_web_only_node_leaves_its_uploads_to_the_workers()
    {
        const string prefix = "MNE";
        await clerkA.CreateInquiryAsync(prefix, "Caught up");
        var markers = new List<string>();
        foreach (var i in Enumerable.Range(0, 3))
        {
            markers.Add(Marker());
            await WaitUntilIndexedAsync(clerkA, await clerkA.UploadAcceptedAsync(prefix, Evidence(markers[^1]), $"before-{i}.txt"));
        }

        var everything = await SearchableSubmissionsAsync(clerkA);

        var d = await cluster.StartNodeAsync("D", roles: "web");
        var clerkD = new ApiClient(await d.CreateAdminClientAsync());
        await WaitUntilAsync(async () => await TotalAsync(clerkD, "") == everything, TimeSpan.FromSeconds(60),
            $"the new node D finds all {everything} searchable submissions");
        foreach (var marker in markers)
        {
            Assert.AreEqual(1, await TotalAsync(clerkD, "q=" + marker), marker);
        }

        // D runs no jobs: its upload waits in the shared queue for A's and B's workers, and D finds it then.
        var later = Marker();
        var reference = await clerkD.UploadAcceptedAsync(prefix, Evidence(later), "via-d.txt");
        await WaitUntilIndexedAsync(clerkD, reference);
        await WaitUntilAsync(async () => await TotalAsync(clerkD, "q=" + later) == 1, TimeSpan.FromSeconds(10), $"{reference} found on D");
        d.Kill();
    }

    [TestMethod]
    public async Task A_worker_only_node_answers_health_and_nothing_else()
    {
        var w = await cluster.StartNodeAsync("W", roles: "worker");
        using var http = w.CreatePublicClient();

        Assert.AreEqual(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        foreach (var path in new[] { "/", "/api/search?q=anything", "/api/inquiries", "/openapi/v1.json" })
        {
            Assert.AreEqual(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode, path);
        }

        w.Kill();
    }

    [TestMethod]
    public async Task A_page_signed_in_through_A_works_through_B_with_the_antiforgery_token_A_issued()
    {
        // One browser behind a load balancer that is not sticky: cookies are per host, not per port, so
        // whatever A sets is sent to B too.
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler);
        var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri(a.BaseAddress, "/api/auth/signin"))
        {
            Content = JsonContent.Create(new { email = EvidenceHubFactory.AdminEmail, password = EvidenceHubFactory.AdminPassword }),
        };
        signIn.Headers.Add("X-EvidenceHub-Antiforgery", await AntiforgeryTokenAsync(browser, a));
        var signedIn = await browser.SendAsync(signIn);
        Assert.AreEqual(HttpStatusCode.OK, signedIn.StatusCode, await signedIn.Content.ReadAsStringAsync());

        var me = await browser.GetFromJsonAsync<JsonNode>(new Uri(b.BaseAddress, "/api/me"));
        Assert.IsTrue(me!["signedIn"]!.GetValue<bool>(), $"B reads the cookie A issued: {me.ToJsonString()}\n{cluster.Output()}");

        var create = new HttpRequestMessage(HttpMethod.Post, new Uri(b.BaseAddress, "/api/inquiries"))
        {
            Content = JsonContent.Create(new { title = "Signed in through A", referencePrefix = "MNS" }),
        };
        create.Headers.Add("X-EvidenceHub-Antiforgery", await AntiforgeryTokenAsync(browser, a));
        var created = await browser.SendAsync(create);
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser, NodeProcess node) =>
        (await browser.GetFromJsonAsync<JsonNode>(new Uri(node.BaseAddress, "/api/auth/antiforgery")))!["token"]!.GetValue<string>();

    /// <summary>Three passages, two of them carrying the marker.</summary>
    private static byte[] Evidence(string marker) => TestDocuments.Text(
        $"1. Community ownership of {marker} assets needs patient capital.",
        $"2. The {marker} trust asked for a right to buy.",
        "3. Nothing more to add.");

    /// <summary>A made-up word of letters only, found in one upload and nowhere else.</summary>
    private static string Marker() => "zq" + string.Concat(RandomNumberGenerator.GetBytes(10).Select(x => (char)('a' + x % 26)));

    private static async Task<int> TotalAsync(ApiClient client, string query) =>
        (await client.SearchAsync(query + "&pageSize=1"))["total"]!.GetValue<int>();

    /// <summary>Indexed submissions with passages, in every inquiry, as the database has them.</summary>
    private static async Task<int> SearchableSubmissionsAsync(ApiClient admin)
    {
        var count = 0;
        foreach (var inquiry in (await admin.GetJsonAsync("/api/inquiries")).AsArray())
        {
            var listed = await admin.GetJsonAsync($"/api/inquiries/{inquiry!["prefix"]!.GetValue<string>()}/submissions?status=indexed&pageSize=100");
            count += listed["items"]!.AsArray().Count(s => s!["passageCount"]!.GetValue<int>() > 0);
        }

        return count;
    }

    private static async Task WaitUntilIndexedAsync(ApiClient client, string reference, TimeSpan? timeout = null)
    {
        var status = "";
        await WaitUntilAsync(async () =>
        {
            status = (await client.GetJsonAsync($"/api/submissions/{reference}"))["status"]!.GetValue<string>();
            return status is "indexed" or "failed";
        }, timeout ?? TimeSpan.FromSeconds(60), $"{reference} done");
        Assert.AreEqual("indexed", status, reference);
    }

    /// <summary>Polls until the condition holds and returns how long that took; fails with every node's output if it never does.</summary>
    private static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Not so after {timeout.TotalSeconds} s: {what}.\n{cluster.Output()}");
            }

            await Task.Delay(20);
        }

        return clock.Elapsed;
    }
}
