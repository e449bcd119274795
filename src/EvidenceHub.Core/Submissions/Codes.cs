namespace EvidenceHub.Core.Submissions;

public enum SubmissionKind
{
    Written,
    Supplementary,
    Oral,
    Other,
}

public enum SubmitterCategory
{
    CommunityGroup,
    Charity,
    Academic,
    ThinkTank,
    LocalAuthority,
    CentralGovernment,
    Business,
    Individual,
    Parliamentarian,
    Other,
}

public enum Publication
{
    Received,
    Published,
    Withheld,
    Confidential,
}

public enum ProcessingStatus
{
    Queued,
    Extracting,
    Indexed,
    Failed,
}

/// <summary>The wire spelling of every code (<c>community-group</c>, <c>think-tank</c>): one place, both ways.</summary>
public static class Codes
{
    public static string ToCode<T>(this T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        return !char.IsDigit(code.Trim()[0])
            && Enum.TryParse(code.Replace("-", string.Empty, StringComparison.Ordinal).Trim(), ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    public static string List<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => v.ToCode()));
}
