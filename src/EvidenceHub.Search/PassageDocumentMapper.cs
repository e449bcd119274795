using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>Turns a <see cref="PassageDocument"/> into a Lucene document and back: the one mapping.</summary>
public static class PassageDocumentMapper
{
    public static Document ToDocument(PassageDocument p)
    {
        var doc = new Document
        {
            new StringField(PassageFields.PassageId, Id(p.PassageId), Field.Store.YES),
            new StringField(PassageFields.SubmissionId, Id(p.SubmissionId), Field.Store.YES),
            new NumericDocValuesField(PassageFields.SubmissionId, p.SubmissionId),
            new StringField(PassageFields.Reference, p.Reference, Field.Store.YES),
            new SortedDocValuesField(PassageFields.Reference, new BytesRef(p.Reference)),
            new StoredField(PassageFields.Inquiry, p.Inquiry),
            new StoredField(PassageFields.Kind, p.Kind),
            new TextField(PassageFields.SubmitterName, p.SubmitterName, Field.Store.YES),
            new StringField(PassageFields.Anonymous, p.Anonymous ? "true" : "false", Field.Store.YES),
            new StringField(PassageFields.Publication, p.Publication, Field.Store.YES),
            new StoredField(PassageFields.Ordinal, p.Ordinal),
            new TextField(PassageFields.Text, p.Text, Field.Store.YES),
            new TextField(PassageFields.TextExact, p.Text, Field.Store.NO),
        };

        AddFacet(doc, "kind", p.Kind);
        AddFacet(doc, "response", p.Campaign is null ? PassageFields.IndividualResponse : PassageFields.CampaignResponse);
        if (p.Campaign is { } campaign)
        {
            AddFacet(doc, "campaign", Id(campaign));
        }

        doc.Add(new StringField(PassageFields.OwnWords, p.OwnWords ? "true" : "false", Field.Store.YES));
        AddFacet(doc, "inquiry", p.Inquiry);
        Optional(doc, PassageFields.Category, p.Category, v => AddFacet(doc, "category", v));
        Optional(doc, PassageFields.Title, p.Title, v => doc.Add(new TextField(PassageFields.TitleText, v, Field.Store.NO)));
        Optional(doc, PassageFields.Paragraph, p.Paragraph, null);
        Optional(doc, PassageFields.Question, p.Question, null);
        if (p.Organisation is { Length: > 0 } organisation)
        {
            doc.Add(new TextField(PassageFields.Organisation, organisation, Field.Store.YES));
            // The organisation facet counts named submissions only, for every caller: facet counts are not
            // filtered per caller, so an anonymous submitter's organisation must never be a facet value
            // (nor, then, can an organisation filter pick out an anonymous submission). The text field
            // stays: staff of the inquiry may search for it, and queries on it are restricted by access.
            if (!p.Anonymous)
            {
                AddFacet(doc, "organisation", organisation);
            }
        }

        if (p.Speaker is { Length: > 0 } speaker)
        {
            doc.Add(new TextField(PassageFields.Speaker, speaker, Field.Store.YES));
            AddFacet(doc, "speaker", speaker);
        }

        if (p.Page is { } page)
        {
            doc.Add(new StoredField(PassageFields.Page, page));
        }

        if (p.LineStart is { } line)
        {
            doc.Add(new StoredField(PassageFields.Line, line));
        }

        var received = p.ReceivedOn is { } date ? date.DayNumber : 0;
        doc.Add(new Int32Field(PassageFields.ReceivedOn, received, Field.Store.YES));
        doc.Add(new NumericDocValuesField(PassageFields.ReceivedOn, received));
        if (p.ReceivedOn is { } day)
        {
            AddFacet(doc, "year", day.Year.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var theme in p.Themes.Distinct(StringComparer.Ordinal))
        {
            doc.Add(new TextField(PassageFields.Theme, theme, Field.Store.YES));
            AddFacet(doc, "theme", theme);
        }

        return doc;
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A facet value is indexed twice: as a term to filter on and as doc values to count.</summary>
    private static void AddFacet(Document doc, string facet, string value)
    {
        var field = PassageFields.FacetField(facet);
        doc.Add(new StringField(field, value, Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    private static void Optional(Document doc, string field, string? value, Action<string>? also)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        doc.Add(new StoredField(field, value));
        also?.Invoke(value);
    }
}
