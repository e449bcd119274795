namespace EvidenceHub.Core.Submissions;

/// <summary>
/// Reads what a clerk says about a submission — <c>kind, submitterName, organisation, category,
/// receivedOn, title, anonymous</c> — from any named fields (an upload form, a manifest row), with one
/// set of rules and messages. The file itself is added by the caller.
/// </summary>
public static class SubmitterFields
{
    /// <summary>The metadata with empty content, or null and <paramref name="problem"/> saying what is wrong.</summary>
    public static NewSubmission? Read(Func<string, string?> field, out string? problem)
    {
        problem = null;
        string? Value(string name) => field(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var kind = SubmissionKind.Written;
        if (Value("kind") is { } kindText && !Codes.TryParse(kindText, out kind))
        {
            problem = $"'{kindText}' is not a kind of submission; use one of {Codes.List<SubmissionKind>()}.";
            return null;
        }

        SubmitterCategory? category = null;
        if (Value("category") is { } categoryText)
        {
            if (!Codes.TryParse<SubmitterCategory>(categoryText, out var parsed))
            {
                problem = $"'{categoryText}' is not a submitter category; use one of {Codes.List<SubmitterCategory>()}.";
                return null;
            }

            category = parsed;
        }

        DateOnly? receivedOn = null;
        if (Value("receivedOn") is { } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", out var date))
            {
                problem = $"'{dateText}' is not a date; write receivedOn as YYYY-MM-DD.";
                return null;
            }

            receivedOn = date;
        }

        var anonymous = false;
        if (Value("anonymous") is { } anonymousText && !bool.TryParse(anonymousText, out anonymous))
        {
            problem = $"'{anonymousText}' is not true or false (anonymous).";
            return null;
        }

        var organisation = Value("organisation");
        return new NewSubmission(
            FileName: string.Empty,
            Content: [],
            Kind: kind,
            SubmitterName: Value("submitterName") ?? organisation ?? "Unnamed submitter",
            Organisation: organisation,
            Category: category,
            ReceivedOn: receivedOn,
            Title: Value("title"),
            Anonymous: anonymous,
            Password: Value("password"));
    }
}
