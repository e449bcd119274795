using System.Text.Json.Nodes;
using EvidenceHub.Api.Access;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Quotes;

/// <summary>
/// <c>GET /api/quotes/{id}/annotation</c>: the quote as a W3C Web Annotation (JSON-LD). Its target is the
/// submission, selected by a TextQuoteSelector (exact, prefix, suffix: the anchor's own text and context) and
/// a TextPositionSelector (code points of the submission's text, its passages two line breaks apart, as the
/// REFI-QDA export writes it); the page, paragraph or question is a FragmentSelector refined by the quote.
/// </summary>
public static class QuoteAnnotationEndpoint
{
    public const string MediaType = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        long id, HttpRequest request, Caller caller, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var quote = await caller.VisibleQuotes(db).AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (quote is null)
        {
            return Problems.NotFound($"The quote {id}");
        }

        if (quote.SubmissionId is not { } submissionId)
        {
            return Problems.Of(StatusCodes.Status410Gone, "The quoted submission was deleted",
                $"The quote {id} stands where {quote.Reference} was cited; it has no text left to annotate.");
        }

        // The position in the submission's text: the passages before the quoted one, then the quote's offset in its own.
        var texts = await db.Passages.AsNoTracking().Where(p => p.SubmissionId == submissionId && p.Ordinal <= quote.PassageOrdinal)
            .OrderBy(p => p.Ordinal).Select(p => new { p.Ordinal, p.Text }).ToListAsync(cancellationToken);
        var start = texts.Where(p => p.Ordinal < quote.PassageOrdinal).Sum(p => Runes(p.Text) + 2);
        var own = texts.FirstOrDefault(p => p.Ordinal == quote.PassageOrdinal)?.Text ?? string.Empty;
        start += Runes(own[..Math.Min(quote.Start, own.Length)]);
        var end = start + Runes(quote.Text);
        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var quoteSelector = new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = quote.Text, ["prefix"] = quote.Before, ["suffix"] = quote.After };
        var selectors = new JsonArray(
            quoteSelector,
            new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = end });
        if (Fragment(quote) is { } fragment)
        {
            fragment["refinedBy"] = quoteSelector.DeepClone();
            selectors.Add(fragment);
        }

        var bodies = new JsonArray();
        if (quote.Note is not null)
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = quote.Note, ["format"] = "text/plain", ["purpose"] = "commenting" });
        }

        var annotation = new JsonObject
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["id"] = $"{site}/api/quotes/{quote.Id}/annotation",
            ["type"] = "Annotation",
            ["motivation"] = "highlighting",
            ["created"] = quote.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["body"] = bodies.Count == 0 ? null : bodies,
            ["target"] = new JsonObject
            {
                ["source"] = $"{site}/api/submissions/{Uri.EscapeDataString(quote.Reference)}",
                ["selector"] = selectors,
            },
        };
        if (annotation["body"] is null)
        {
            annotation.Remove("body");
        }

        return TypedResults.Content(annotation.ToJsonString(), MediaType);
    }

    /// <summary>The page (a PDF fragment, RFC 3778), or the author's paragraph label or question, as the outer selection.</summary>
    private static JsonObject? Fragment(Quote q) =>
        q.Question is not null ? new JsonObject { ["type"] = "FragmentSelector", ["value"] = $"question={q.Question}" }
        : q.Paragraph is not null ? new JsonObject { ["type"] = "FragmentSelector", ["value"] = $"paragraph={q.Paragraph}" }
        : q.Page is not null ? new JsonObject { ["type"] = "FragmentSelector", ["conformsTo"] = "http://tools.ietf.org/rfc/rfc3778", ["value"] = $"page={q.Page}" }
        : null;

    private static int Runes(string text) => text.EnumerateRunes().Count();
}
