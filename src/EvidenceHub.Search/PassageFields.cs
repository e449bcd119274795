using Lucene.Net.Util;

namespace EvidenceHub.Search;

/// <summary>Every field of the passage index, declared once.</summary>
public static class PassageFields
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// The layout of the documents, recorded with each commit: a node whose index was written in another
    /// layout (before <see cref="TitleText"/>, layout 1) rebuilds it from the database when it starts.
    /// </summary>
    public const string IndexFormat = "2";

    public const string PassageId = "passage_id";
    public const string SubmissionId = "submission_id";
    public const string Reference = "reference";
    public const string Inquiry = "inquiry";
    public const string Kind = "kind";
    public const string Category = "category";
    public const string Organisation = "organisation";
    public const string SubmitterName = "submitter";
    public const string Anonymous = "anonymous";
    public const string Speaker = "speaker";
    public const string Theme = "theme";
    public const string Year = "year";
    public const string ReceivedOn = "received";
    public const string Publication = "publication";
    public const string Title = "title";
    public const string Ordinal = "ordinal";
    public const string Page = "page";

    /// <summary>The printed margin line a transcript passage starts on (stored only, for citations).</summary>
    public const string Line = "line";
    public const string Paragraph = "paragraph";
    public const string Question = "question";

    /// <summary>"true" on a campaign member's passage that is not the template's (the sender's own words).</summary>
    public const string OwnWords = "own_words";

    /// <summary>The <c>response</c> facet's values: a submission in a campaign, or one on its own.</summary>
    public const string CampaignResponse = "campaign";

    /// <inheritdoc cref="CampaignResponse"/>
    public const string IndividualResponse = "individual";

    /// <summary>The submission's title on each of its passages, English-stemmed: it raises a passage that matched (<see cref="SubmissionRanking"/>).</summary>
    public const string TitleText = "title_text";

    /// <summary>Passage text, English-stemmed, stored for snippets.</summary>
    public const string Text = "text";

    /// <summary>Passage text, unstemmed: exact phrases, prefixes, fuzzy terms.</summary>
    public const string TextExact = "text_exact";

    /// <summary>The doc-values field that holds a facet's values.</summary>
    public static string FacetField(string facet) => "facet_" + facet;

    /// <summary>Facets in the order the API returns them.</summary>
    public static readonly IReadOnlyList<string> Facets =
        ["kind", "category", "organisation", "theme", "year", "speaker", "inquiry", "response", "campaign"];

    /// <summary>Facets whose value can differ between passages of one submission.</summary>
    public static readonly IReadOnlySet<string> PassageLevelFacets = new HashSet<string> { "speaker", "theme" };
}
