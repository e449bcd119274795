using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvidenceHub.Core.Quotes.Export;

/// <summary>
/// CSL-JSON, as Zotero, Mendeley, Pandoc and every citation processor read it: <see cref="Items"/> is an
/// array valid against <c>csl-data.json</c> (one item per cited submission); <see cref="Citations"/> is an
/// array of citation objects valid against <c>csl-citation.json</c> (one per quote, its footnote number
/// as <c>noteIndex</c>, with <c>locator</c> and <c>label</c>).
/// </summary>
public static class CslJsonQuoteExport
{
    public const string CitationSchema = "https://resource.citationstyles.org/schema/latest/input/json/csl-citation.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Items(CitationData data) => new JsonArray(data.Sources.Select(Item).ToArray<JsonNode?>()).ToJsonString(Indented);

    public static string Citations(CitationData data) =>
        new JsonArray(data.Citations.Select(c => (JsonNode?)new JsonObject
        {
            ["schema"] = CitationSchema,
            ["citationID"] = $"quote-{c.QuoteId}",
            ["citationItems"] = new JsonArray(new JsonObject { ["id"] = c.Reference, ["locator"] = c.Locator, ["label"] = c.Label }),
            ["properties"] = new JsonObject { ["noteIndex"] = c.NoteIndex },
        }).ToArray()).ToJsonString(Indented);

    private static JsonNode Item(CitedSource s)
    {
        var item = new JsonObject
        {
            ["id"] = s.Reference,
            ["type"] = s.Oral ? "hearing" : "report",
            ["author"] = new JsonArray(Name(s.Author)),
            ["title"] = s.Title,
            ["container-title"] = s.Inquiry,
            ["genre"] = s.Genre,
            ["number"] = s.Reference,
            ["URL"] = s.Url,
        };
        if (s.Issued is { } issued)
        {
            item["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(issued.Year, issued.Month, issued.Day)) };
        }

        return item;
    }

    private static JsonObject Name(CitedName n) =>
        n.Literal is not null ? new JsonObject { ["literal"] = n.Literal } : new JsonObject { ["family"] = n.Family, ["given"] = n.Given };
}
