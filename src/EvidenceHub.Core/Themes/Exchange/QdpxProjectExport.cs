using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Themes.Exchange;

/// <summary>
/// An inquiry as a REFI-QDA project (<c>.qdpx</c>: a ZIP of <c>project.qde</c> and <c>Sources/</c>), as NVivo,
/// ATLAS.ti, MAXQDA and QualCoder import it: each submission a text source (its passages, two line breaks
/// apart) with its reference, submitter, category, kind and publication as variables; the themes as codes
/// with colour and description (themes have no hierarchy: the codebook is flat); every effective tag a
/// coding of a plain-text selection — the tagged passage, or the whole text for a tag on the submission —
/// by its tagger as a user; each quote with a note a selection carrying that note. Positions count
/// Unicode characters (code points) of the exported text, from zero.
/// </summary>
/// <remarks>
/// The project is for the inquiry's staff, who read everything of it; even so it names no anonymous
/// submitter (their submitter variable is "Anonymous"), since a project file travels.
/// </remarks>
public static class QdpxProjectExport
{
    public static readonly XNamespace Ns = "urn:QDA-XML:project:1.0";
    public const string Separator = "\n\n";
    private const string RuleUser = "rule";

    public static async Task<byte[]> WriteAsync(EvidenceDbContext db, Inquiry inquiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var themes = await db.Set<Theme>().AsNoTracking().Where(t => t.InquiryId == inquiry.Id).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.InquiryId == inquiry.Id).OrderBy(s => s.Number).ToListAsync(cancellationToken);
        var ids = submissions.Select(s => s.Id).ToList();
        var passages = (await db.Passages.AsNoTracking().Where(p => ids.Contains(p.SubmissionId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.SubmissionId);
        var themeIds = themes.Select(t => t.Id).ToList();
        var tags = (await db.Set<ThemeTag>().AsNoTracking().Where(t => themeIds.Contains(t.ThemeId)).ToListAsync(cancellationToken))
            .Where(t => t.IsEffective).ToLookup(t => t.SubmissionId);
        var quotes = (await db.Set<Quote>().AsNoTracking().Where(q => q.InquiryId == inquiry.Id && q.Note != null && q.PassageId != null).ToListAsync(cancellationToken))
            .ToLookup(q => q.SubmissionId);

        var users = tags.SelectMany(g => g).Select(t => t.TaggedBy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var notes = new List<XElement>();
        var files = new Dictionary<string, string>();
        var sources = submissions.Select(s => Source(s, passages[s.Id].OrderBy(p => p.Ordinal).ToList(), tags[s.Id], quotes[s.Id], notes, files)).ToList();

        var project = new XElement(Ns + "Project",
            new XAttribute("name", inquiry.Title),
            new XAttribute("origin", "EvidenceHub"),
            new XAttribute("creationDateTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            users.Count == 0 ? null : new XElement(Ns + "Users", users.Select(u => new XElement(Ns + "User",
                new XAttribute("guid", QdaGuid.For("user", u)), new XAttribute("name", u == RuleUser ? "EvidenceHub rule" : u)))),
            themes.Count == 0 ? null : new XElement(Ns + "CodeBook", new XElement(Ns + "Codes", themes.Select(Code))),
            new XElement(Ns + "Variables", Variables.Select(v => new XElement(Ns + "Variable",
                new XAttribute("guid", QdaGuid.For("variable", v.Name)), new XAttribute("name", v.Name), new XAttribute("typeOfVariable", v.Type)))),
            sources.Count == 0 ? null : new XElement(Ns + "Sources", sources),
            notes.Count == 0 ? null : new XElement(Ns + "Notes", notes),
            string.IsNullOrWhiteSpace(inquiry.Description) ? null : new XElement(Ns + "Description", inquiry.Description));

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("project.qde").Open())
            using (var writer = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            {
                new XDocument(new XDeclaration("1.0", "utf-8", null), project).Save(writer);
            }

            foreach (var (name, text) in files)
            {
                using var entry = new StreamWriter(zip.CreateEntry("Sources/" + name).Open(), new UTF8Encoding(false));
                entry.Write(text);
            }
        }

        return stream.ToArray();
    }

    private static readonly (string Name, string Type)[] Variables =
        [("Reference", "Text"), ("Submitter", "Text"), ("Category", "Text"), ("Kind", "Text"), ("Publication", "Text")];

    private static XElement Code(Theme t) => new(Ns + "Code",
        new XAttribute("guid", QdaGuid.For("theme", t.Id)),
        new XAttribute("name", t.Name),
        new XAttribute("isCodable", "true"),
        new XAttribute("color", t.Colour),
        string.IsNullOrWhiteSpace(t.Description) ? null : new XElement(Ns + "Description", t.Description));

    private static XElement Source(
        Submission s, List<Passage> passages, IEnumerable<ThemeTag> tags, IEnumerable<Quote> quotes, List<XElement> notes, Dictionary<string, string> files)
    {
        var guid = QdaGuid.For("submission", s.Id);
        var text = new StringBuilder();
        var spans = new Dictionary<long, (int Start, int End)>();
        foreach (var p in passages)
        {
            if (text.Length > 0)
            {
                text.Append(Separator);
            }

            spans[p.Id] = (text.Length, text.Length + p.Text.Length);
            text.Append(p.Text);
        }

        var content = text.ToString();
        files[guid + ".txt"] = content;
        var selections = new List<XElement>();
        foreach (var tag in tags.OrderBy(t => t.Id))
        {
            var (start, end) = tag.PassageId is { } pid && spans.TryGetValue(pid, out var span) ? span : (0, content.Length);
            selections.Add(Selection(QdaGuid.For("tag", tag.Id), content, start, end, tag.TaggedAt,
                new XElement(Ns + "Coding", new XAttribute("guid", QdaGuid.For("coding", tag.Id)),
                    new XAttribute("creatingUser", QdaGuid.For("user", tag.TaggedBy)),
                    new XAttribute("creationDateTime", Stamp(tag.TaggedAt)),
                    new XElement(Ns + "CodeRef", new XAttribute("targetGUID", QdaGuid.For("theme", tag.ThemeId))))));
        }

        foreach (var quote in quotes.OrderBy(q => q.Id))
        {
            if (!spans.TryGetValue(quote.PassageId!.Value, out var passage) || passage.Start + quote.End > passage.End)
            {
                continue; // the quote drifted from its passage: no place to put its note
            }

            var note = QdaGuid.For("note", quote.Id);
            notes.Add(new XElement(Ns + "Note", new XAttribute("guid", note), new XAttribute("name", $"Quote {quote.Id} ({quote.Reference})"),
                new XAttribute("creationDateTime", Stamp(quote.CreatedAt)), new XElement(Ns + "PlainTextContent", quote.Note)));
            selections.Add(Selection(QdaGuid.For("quote", quote.Id), content, passage.Start + quote.Start, passage.Start + quote.End, quote.CreatedAt,
                new XElement(Ns + "NoteRef", new XAttribute("targetGUID", note))));
        }

        var values = new[]
        {
            ("Reference", s.Reference), ("Submitter", s.Anonymous ? "Anonymous" : s.Organisation ?? s.SubmitterName),
            ("Category", s.Category?.ToCode()), ("Kind", s.Kind.ToCode()), ("Publication", s.Publication.ToCode()),
        };
        return new XElement(Ns + "TextSource",
            new XAttribute("guid", guid),
            new XAttribute("name", s.Reference),
            new XAttribute("plainTextPath", $"internal://{guid}.txt"),
            new XAttribute("creationDateTime", Stamp(s.CreatedAt)),
            selections,
            values.Where(v => v.Item2 is not null).Select(v => new XElement(Ns + "VariableValue",
                new XElement(Ns + "VariableRef", new XAttribute("targetGUID", QdaGuid.For("variable", v.Item1))),
                new XElement(Ns + "TextValue", v.Item2))));
    }

    private static XElement Selection(string guid, string content, int start, int end, DateTimeOffset at, XElement child) =>
        new(Ns + "PlainTextSelection",
            new XAttribute("guid", guid),
            new XAttribute("startPosition", CodePoints(content, start)),
            new XAttribute("endPosition", CodePoints(content, end)),
            new XAttribute("creationDateTime", Stamp(at)),
            child);

    /// <summary>The code-point position of a UTF-16 offset: a character outside the basic plane counts once.</summary>
    public static int CodePoints(string text, int utf16Offset)
    {
        var surrogates = 0;
        for (var i = 0; i < utf16Offset && i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]))
            {
                surrogates++;
            }
        }

        return utf16Offset - surrogates;
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
