namespace EvidenceHub.Core.Submissions;

/// <summary>
/// Reads what a clerk says about a submission — <c>kind, submitterName, organisation, category,
/// receivedOn, title, anonymous</c> — from any named fields (an upload form, a manifest row, a
/// correction of the metadata), with one set of rules and messages. The file itself is added by the caller.
/// </summary>
public static class SubmitterFields
{
    public const int MaxTitleLength = 400;
    public const int MaxNameLength = 300;

    /// <summary>The metadata with empty content, or null and <paramref name="problem"/> saying what is wrong.</summary>
    public static NewSubmission? Read(Func<string, string?> field, out string? problem)
    {
        problem = null;
        string? Value(string name) => field(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var kind = SubmissionKind.Written;
        if (Value("kind") is { } kindText && (problem = ReadKind(kindText, out kind)) is not null)
        {
            return null;
        }

        SubmitterCategory? category = null;
        if (Value("category") is { } categoryText)
        {
            if ((problem = ReadCategory(categoryText, out var parsed)) is not null)
            {
                return null;
            }

            category = parsed;
        }

        DateOnly? receivedOn = null;
        if (Value("receivedOn") is { } dateText)
        {
            if ((problem = ReadReceivedOn(dateText, out var date)) is not null)
            {
                return null;
            }

            receivedOn = date;
        }

        var anonymous = false;
        if (Value("anonymous") is { } anonymousText && (problem = ReadAnonymous(anonymousText, out anonymous)) is not null)
        {
            return null;
        }

        var organisation = Value("organisation");
        if ((problem = TooLong("title", Value("title"), MaxTitleLength) ?? TooLong("submitterName", Value("submitterName"), MaxNameLength)
            ?? TooLong("organisation", organisation, MaxNameLength)) is not null)
        {
            return null;
        }

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

    /// <summary>Null when <paramref name="text"/> is a kind of submission, else what is wrong.</summary>
    public static string? ReadKind(string text, out SubmissionKind kind) =>
        Codes.TryParse(text, out kind) ? null : $"'{text}' is not a kind of submission; use one of {Codes.List<SubmissionKind>()}.";

    public static string? ReadCategory(string text, out SubmitterCategory category) =>
        Codes.TryParse(text, out category) ? null : $"'{text}' is not a submitter category; use one of {Codes.List<SubmitterCategory>()}.";

    public static string? ReadReceivedOn(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out date) ? null : $"'{text}' is not a date; write receivedOn as YYYY-MM-DD.";

    public static string? ReadAnonymous(string text, out bool anonymous) =>
        bool.TryParse(text.Trim(), out anonymous) ? null : $"'{text}' is not true or false (anonymous).";

    /// <summary>Null when <paramref name="value"/> fits its column, else what is wrong.</summary>
    public static string? TooLong(string field, string? value, int limit) =>
        value is not null && value.Length > limit ? $"{field} is {value.Length} characters long; it may be at most {limit}." : null;
}
