using System.Text.Json.Nodes;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Submissions;

[TestClass]
public sealed class TranscriptUploadTests
{
    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;

    private static readonly Dictionary<string, string> Oral = new() { ["kind"] = "oral", ["submitterName"] = "Committee clerk" };

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("ORL");
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task A_text_transcript_gives_each_turn_its_question_and_speaker_including_every_witness_answer()
    {
        var transcript = TestDocuments.Text(
            "Public Accounts Committee\nOral evidence: Fictional Equipment Plan, HC 999\nMembers present: Meg Hillier (Chair); Mr Richard Bacon\nWitnesses: Jon Thompson and Ada Example",
            "Q12 Chair: Good afternoon. Why did the\nequipment plan grow by a fifth?",
            "Jon Thompson: Mostly because of currency.",
            "Ada Example: And partly because two programmes\nslipped into the period.",
            "Q13 Mr Bacon: Which two?",
            "Ada Example: The fictional radio and the fictional truck.");

        var reference = await api.UploadAcceptedAsync("ORL", transcript, "hearing.txt", Oral);
        var submission = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("indexed", submission["status"]!.GetValue<string>(), submission.ToJsonString());

        var turns = Turns(await api.GetJsonAsync($"/api/submissions/{reference}/passages"));
        Assert.AreSequenceEqual(
            new[] { "Q12|Chair", "Q12|Jon Thompson", "Q12|Ada Example", "Q13|Mr Bacon", "Q13|Ada Example" },
            turns.Select(t => t.Question + "|" + t.Speaker).ToArray());
        Assert.AreEqual("And partly because two programmes slipped into the period.", turns[2].Text);
    }

    [TestMethod]
    public async Task A_pdf_transcript_keeps_questions_and_speakers_and_drops_the_running_head_inside_an_answer()
    {
        var head = "Oral evidence: Fictional broadband rollout, HC 321";
        var pdf = TestDocuments.Pdf(
            ["Science and Technology Committee", head,
             "Witnesses: Sureyya Example, Director, Fictional Tech Body, and Timo Example, Managing Director, Fictional Science.",
             "Q1 Chair: Welcome, and thank you for coming this morning. Could the members of the panel introduce themselves for the record, please?",
             "Sureyya Example: Good morning. I lead the fictional trade body for the technology industry, which speaks for several hundred member companies.",
             "Timo Example: Hello. I run a small fictional publishing company that makes research software for scientists and their universities, and I would like to say more about"],
            [head + " 2",
             "the rural areas where coverage has lagged for years, because our customers work there.",
             "Q2 Stephen Member: Is the target that the Government have set realistic, in your view, given what you have both said so far this morning?",
             "Sureyya Example: Only with more spectrum, and with planning rules that let operators put up masts in the places that need them most."],
            [head + " 3",
             "Q3 Chair: Thank you all. We have run out of time, but we may write to you with further questions after the session.",
             "Timo Example: Thank you. We would be glad to answer them in writing as soon as we can."]);

        var reference = await api.UploadAcceptedAsync("ORL", pdf, "hearing.pdf", Oral);
        var submission = await api.WaitUntilDoneAsync(reference);
        Assert.AreEqual("indexed", submission["status"]!.GetValue<string>(), submission.ToJsonString());

        var turns = Turns(await api.GetJsonAsync($"/api/submissions/{reference}/passages"));
        Assert.AreSequenceEqual(
            new[] { "Q1|Chair", "Q1|Sureyya Example", "Q1|Timo Example", "Q2|Stephen Member", "Q2|Sureyya Example", "Q3|Chair", "Q3|Timo Example" },
            turns.Select(t => t.Question + "|" + t.Speaker).ToArray());
        Assert.EndsWith("I would like to say more about the rural areas where coverage has lagged for years, because our customers work there.", turns[2].Text);
        Assert.AreEqual(1, turns[2].Page, "a turn records the page it starts on");
        Assert.DoesNotContain("HC 321", string.Join(' ', turns.Select(t => t.Text)));
    }

    private static List<(string? Question, string? Speaker, string Text, int? Page)> Turns(JsonNode passages) =>
        passages.AsArray()
            .Select(p => (p!["question"]?.GetValue<string>(), p["speaker"]?.GetValue<string>(), p["text"]!.GetValue<string>(), p["page"]?.GetValue<int>()))
            .ToList();
}
