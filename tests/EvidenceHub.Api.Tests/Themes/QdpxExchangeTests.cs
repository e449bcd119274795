using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Themes;

/// <summary>
/// REFI-QDA exchange: the inquiry as a .qdpx valid against the REFI-QDA schema, its codes and codings the
/// themes and tags; and a codebook taken back into another inquiry, clashes reported and nothing overwritten.
/// </summary>
[TestClass]
public sealed class QdpxExchangeTests
{
    private static readonly XNamespace Qda = "urn:QDA-XML:project:1.0";

    private static EvidenceHubFactory factory = null!;
    private static ApiClient api = null!;
    private static string hall = null!;
    private static string resident = null!;
    private static long ownership;
    private static long halls;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new EvidenceHubFactory();
        api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("QDA", "Exchange inquiry");
        await api.CreateInquiryAsync("QDB", "Importing inquiry");
        hall = await api.UploadAsync("QDA", "Kettleby Hall Trust", "charity", "1. Community ownership of the hall saved it.", "2. The roof leaks \U0001F327 every winter.");
        resident = await api.UploadAcceptedAsync("QDA", TestDocuments.Text("1. Community ownership means nothing without a caretaker."), "resident.txt",
            new Dictionary<string, string> { ["submitterName"] = "Priscilla Vantongeren", ["category"] = "individual", ["anonymous"] = "true" });
        await api.WaitUntilDoneAsync(resident);
        ownership = await api.CreateThemeAsync("QDA", "Community ownership", "\"community ownership\"", "#2E7D32");
        halls = await api.CreateThemeAsync("QDA", "Buildings", "roof OR hall", "#1565C0");
        await api.WaitForReferencesAsync("inquiry=QDA&theme=Community%20ownership", hall, resident);
        await api.WaitForReferencesAsync("inquiry=QDA&theme=Buildings", hall);

        var passages = (await api.GetJsonAsync($"/api/submissions/{hall}/passages")).AsArray();
        await api.TagAsync($"/api/passages/{passages.PassageWithParagraph("2")}/themes", ownership); // by hand
        await api.QuoteCreatedAsync(passages.PassageWithParagraph("2"), "every winter", "Chapter QDA", "The roof: pair with the caretaker point.");
    }

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task The_project_validates_and_its_codes_and_codings_are_the_themes_and_tags()
    {
        var (project, sources) = await ExportAsync("QDA");
        Assert.IsNull(SchemaProblems(project), SchemaProblems(project));

        var codes = project.Descendants(Qda + "Code").ToDictionary(c => c.Attribute("name")!.Value, c => c);
        Assert.AreSequenceEqual(new[] { "Buildings", "Community ownership" }, codes.Keys.Order().ToArray());
        Assert.AreEqual("#2E7D32", codes["Community ownership"].Attribute("color")!.Value);
        Assert.AreEqual("A test theme", codes["Community ownership"].Element(Qda + "Description")!.Value);

        // Every effective tag is one coding, of the tagged passage's words in the exported text.
        var expected = 0;
        foreach (var reference in new[] { hall, resident })
        {
            expected += (await api.GetJsonAsync($"/api/submissions/{reference}/themes")).AsArray().Count(t => t!["effective"]!.GetValue<bool>());
        }

        var codings = project.Descendants(Qda + "PlainTextSelection").Where(s => s.Element(Qda + "Coding") is not null).ToList();
        Assert.HasCount(expected, codings);
        var source = project.Descendants(Qda + "TextSource").Single(s => s.Attribute("name")!.Value == hall);
        var text = sources[source.Attribute("plainTextPath")!.Value.Replace("internal://", "", StringComparison.Ordinal)];
        var byHand = source.Elements(Qda + "PlainTextSelection").Single(s =>
            s.Element(Qda + "Coding")?.Attribute("creatingUser")?.Value == Guid(project, EvidenceHubFactory.AdminEmail));
        Assert.AreEqual("The roof leaks \U0001F327 every winter.", Slice(text, byHand), "start and end count characters of the exported text");
        Assert.AreEqual(codes["Community ownership"].Attribute("guid")!.Value, byHand.Element(Qda + "Coding")!.Element(Qda + "CodeRef")!.Attribute("targetGUID")!.Value);

        // The quote's note is a note on the quoted words; the taggers are users; variables say who and what.
        var note = project.Descendants(Qda + "Note").Single();
        Assert.AreEqual("The roof: pair with the caretaker point.", note.Element(Qda + "PlainTextContent")!.Value);
        var quoted = source.Elements(Qda + "PlainTextSelection").Single(s => s.Element(Qda + "NoteRef") is not null);
        Assert.AreEqual("every winter", Slice(text, quoted));
        Assert.Contains("EvidenceHub rule", project.Descendants(Qda + "User").Select(u => u.Attribute("name")!.Value).ToList());
        Assert.Contains("Kettleby Hall Trust", source.Descendants(Qda + "TextValue").Select(v => v.Value).ToList());
        var other = project.Descendants(Qda + "TextSource").Single(s => s.Attribute("name")!.Value == resident);
        Assert.Contains("Anonymous", other.Descendants(Qda + "TextValue").Select(v => v.Value).ToList());
        Assert.DoesNotContain("Vantongeren", project.ToString());
    }

    [TestMethod]
    public async Task The_schema_check_fails_on_an_invalid_project()
    {
        var (project, _) = await ExportAsync("QDA");
        project.Descendants(Qda + "Code").First().Attribute("isCodable")!.Remove();
        project.Descendants(Qda + "PlainTextSelection").First().SetAttributeValue("startPosition", "the start");
        var problems = SchemaProblems(project);
        Assert.IsNotNull(problems);
        Assert.Contains("isCodable", problems);
        Assert.Contains("startPosition", problems);
    }

    [TestMethod]
    public async Task A_round_trip_gives_the_same_codebook_and_a_second_import_only_clashes()
    {
        var qdpx = await api.Http.GetByteArrayAsync("/api/inquiries/QDA/export/qdpx");
        var first = await ImportAsync("QDB", qdpx, "QDA.qdpx");
        Assert.HasCount(2, first["added"]!.AsArray());
        Assert.IsEmpty(first["clashes"]!.AsArray());

        static string Codebook(JsonNode themes) => string.Join("\n", themes.AsArray()
            .Select(t => $"{t!.Str("name")}|{t!.Str("colour")}|{t!["description"]?.GetValue<string>()}").Order(StringComparer.Ordinal));
        Assert.AreEqual(Codebook(await api.GetJsonAsync("/api/inquiries/QDA/themes")), Codebook(await api.GetJsonAsync("/api/inquiries/QDB/themes")));
        Assert.IsTrue((await api.GetJsonAsync("/api/inquiries/QDB/themes")).AsArray().All(t => t!.Str("rule") == ""), "rules are left empty");

        var again = await ImportAsync("QDB", qdpx, "QDA.qdpx");
        Assert.IsEmpty(again["added"]!.AsArray());
        Assert.AreSequenceEqual(new[] { "Buildings", "Community ownership" }, again["clashes"]!.AsArray().Select(c => c!.Str("name")).Order().ToArray());

        // A theme without a rule can still be changed, and keeps no rule.
        var id = (await api.GetJsonAsync("/api/inquiries/QDB/themes")).AsArray().First()!["id"]!.GetValue<long>();
        var edit = await api.Http.PutAsJsonAsync($"/api/themes/{id}", new { colour = "#000000" });
        Assert.AreEqual(HttpStatusCode.OK, edit.StatusCode, await edit.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task A_codebook_from_other_software_adds_nested_codes_and_reports_clashes()
    {
        await api.CreateInquiryAsync("QDC", "Codebook inquiry");
        await api.CreateThemeAsync("QDC", "Funding", "money");
        const string codebook = """
            <?xml version="1.0" encoding="utf-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo">
              <Codes>
                <Code guid="11111111-1111-1111-1111-111111111111" name="Place" isCodable="true" color="#a0b">
                  <Description>Where it happens</Description>
                  <Code guid="22222222-2222-2222-2222-222222222222" name="Village halls" isCodable="true"/>
                </Code>
                <Code guid="33333333-3333-3333-3333-333333333333" name="funding" isCodable="true" color="#123456"/>
              </Codes>
            </CodeBook>
            """;
        var result = await ImportAsync("QDC", Encoding.UTF8.GetBytes(codebook), "nvivo.qdc");
        Assert.AreSequenceEqual(new[] { "Place", "Village halls" }, result["added"]!.AsArray().Select(t => t!.Str("name")).ToArray());
        Assert.AreEqual("#AA00BB", result["added"]![0]!.Str("colour"));
        Assert.AreEqual("Where it happens", result["added"]![0]!.Str("description"));
        Assert.AreEqual("Funding", result["clashes"]![0]!.Str("existingName"), "an existing theme is reported, never overwritten");
        Assert.AreEqual("Place", result["nested"]![0]!["parents"]![0]!.GetValue<string>());
        var funding = (await api.GetJsonAsync("/api/inquiries/QDC/themes")).AsArray().Single(t => t!.Str("name") == "Funding")!;
        Assert.AreEqual("money", funding.Str("rule"));

        var notCodebook = await PostImportAsync("QDC", Encoding.UTF8.GetBytes("<html><body>no</body></html>"), "page.qdc");
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, notCodebook.StatusCode);
        var publicCaller = await factory.CreatePublicClient().GetAsync("/api/inquiries/QDA/export/qdpx");
        Assert.AreEqual(HttpStatusCode.Unauthorized, publicCaller.StatusCode);
    }

    private static async Task<(XDocument Project, Dictionary<string, string> Sources)> ExportAsync(string prefix)
    {
        var response = await api.Http.GetAsync($"/api/inquiries/{prefix}/export/qdpx");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        XDocument project;
        using (var stream = zip.GetEntry("project.qde")!.Open())
        {
            project = XDocument.Load(stream);
        }

        var sources = new Dictionary<string, string>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("Sources/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            sources[entry.Name] = await reader.ReadToEndAsync();
        }

        return (project, sources);
    }

    /// <summary>Null when valid against Project-mrt2019.xsd, else every error.</summary>
    private static string? SchemaProblems(XDocument project)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add("urn:QDA-XML:project:1.0", Standards.Require("refi-qda/Project-mrt2019.xsd"));
        var problems = new List<string>();
        project.Validate(schemas, (_, e) => problems.Add(e.Message));
        return problems.Count == 0 ? null : string.Join("\n", problems);
    }

    private static string Guid(XDocument project, string user) =>
        project.Descendants(Qda + "User").Single(u => u.Attribute("name")!.Value == user).Attribute("guid")!.Value;

    /// <summary>The selection's characters (code points) of the text.</summary>
    private static string Slice(string text, XElement selection)
    {
        var runes = text.EnumerateRunes().ToList();
        var start = int.Parse(selection.Attribute("startPosition")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var end = int.Parse(selection.Attribute("endPosition")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(runes.Skip(start).Take(end - start).Select(r => r.ToString()));
    }

    private static async Task<JsonNode> ImportAsync(string prefix, byte[] bytes, string name)
    {
        var response = await PostImportAsync(prefix, bytes, name);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        return JsonNode.Parse(body)!;
    }

    private static Task<HttpResponseMessage> PostImportAsync(string prefix, byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return api.Http.PostAsync($"/api/inquiries/{prefix}/themes/import", new MultipartFormDataContent { { file, "file", name } });
    }
}
