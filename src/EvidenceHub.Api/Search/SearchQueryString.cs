using System.Globalization;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Search;

namespace EvidenceHub.Api.Search;

/// <summary>Reads <c>/api/search</c>'s query string into a <see cref="SearchRequest"/>, or says what is wrong.</summary>
public static class SearchQueryString
{
    public sealed record Parsed(SearchRequest? Request, string? Problem);

    /// <summary>Values per facet when <c>facetLimit</c> is not given, and the most a caller may ask for.</summary>
    public const int DefaultFacetLimit = 10;

    public const int MaxFacetLimit = 1000;

    public static Parsed Parse(IQueryCollection query)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var facet in PassageFields.Facets)
        {
            var values = query[facet].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
            if (values.Count > 0)
            {
                filters[facet] = values;
            }
        }

        if (filters.TryGetValue("kind", out var kinds) && kinds.FirstOrDefault(k => !Codes.TryParse<SubmissionKind>(k, out _)) is { } badKind)
        {
            return new(null, $"'{badKind}' is not a kind of submission; use one of {Codes.List<SubmissionKind>()}.");
        }

        if (filters.TryGetValue("category", out var categories) && categories.FirstOrDefault(c => !Codes.TryParse<SubmitterCategory>(c, out _)) is { } badCategory)
        {
            return new(null, $"'{badCategory}' is not a submitter category; use one of {Codes.List<SubmitterCategory>()}.");
        }

        if (filters.TryGetValue("response", out var responses) && responses.FirstOrDefault(r => r is not (PassageFields.CampaignResponse or PassageFields.IndividualResponse)) is { } badResponse)
        {
            return new(null, $"'{badResponse}' is not a kind of response; use campaign or individual.");
        }

        var ownWordsText = query["ownWords"].ToString();
        if (ownWordsText is not ("" or "true" or "false"))
        {
            return new(null, $"'{ownWordsText}' is not a value for ownWords; use true (only campaign members' own words) or false.");
        }

        if (!TryDate(query, "from", out var from, out var problem) || !TryDate(query, "to", out var to, out problem))
        {
            return new(null, problem);
        }

        if (from is not null && to is not null && from > to)
        {
            return new(null, $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        }

        var sortText = query["sort"].ToString();
        SearchSort? sort = sortText switch
        {
            "" or "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Date,
            "-date" => SearchSort.DateDescending,
            "reference" => SearchSort.Reference,
            _ => null,
        };
        if (sort is null)
        {
            return new(null, $"'{sortText}' is not a sort; use relevance, date, -date or reference.");
        }

        // Any whole number is read here and the range is Paging's to judge, so that page 0 and page 200,000,000
        // get the same answer naming the range (a page that large overflowed the searcher's offset into a 500).
        if (!TryPagingNumber(query, "page", out var page, out problem) || !TryPagingNumber(query, "pageSize", out var pageSize, out problem)
            || !Paging.TryFrom(page, pageSize, out var paging, out problem))
        {
            return new(null, problem);
        }

        if (!TryInt(query, "facetLimit", out var facetLimit, out problem) || facetLimit > MaxFacetLimit)
        {
            return new(null, problem ?? $"'{facetLimit}' is too large a facetLimit; ask for at most {MaxFacetLimit} values per facet.");
        }

        var explainText = query["explain"].ToString();
        if (explainText is not ("" or "true" or "false"))
        {
            return new(null, $"'{explainText}' is not a value for explain; use true or false.");
        }

        return new(new SearchRequest
        {
            Explain = explainText == "true",
            SuggestSpelling = true,
            Query = query["q"].ToString(),
            Filters = filters,
            OwnWordsOnly = ownWordsText == "true",
            From = from,
            To = to,
            Sort = sort.Value,
            Page = paging.Page,
            PageSize = paging.Size,
            FacetLimit = facetLimit ?? DefaultFacetLimit,
        }, null);
    }

    private static bool TryDate(IQueryCollection query, string name, out DateOnly? value, out string? problem)
    {
        value = null;
        problem = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            value = date;
            return true;
        }

        problem = $"'{text}' is not a date; write {name} as YYYY-MM-DD.";
        return false;
    }

    private static bool TryPagingNumber(IQueryCollection query, string name, out int? value, out string? problem)
    {
        value = null;
        problem = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        problem = Paging.OutOfRange(name, text);
        return false;
    }

    private static bool TryInt(IQueryCollection query, string name, out int? value, out string? problem)
    {
        value = null;
        problem = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, out var number) && number > 0)
        {
            value = number;
            return true;
        }

        problem = $"'{text}' is not a valid {name}; use a whole number from 1.";
        return false;
    }
}
