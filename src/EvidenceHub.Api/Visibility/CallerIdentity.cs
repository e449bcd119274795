namespace EvidenceHub.Api.Visibility;

/// <summary>
/// Who is acting, for the record of tags by hand. Until sign-in exists it is the request header
/// <c>X-EvidenceHub-User</c> (trimmed, at most 100 characters), or <c>staff</c> when absent; sign-in
/// will put the signed-in user's name here and nowhere else.
/// </summary>
public sealed record CallerIdentity(string Name)
{
    public const string UserHeader = "X-EvidenceHub-User";
    public const string Default = "staff";

    public static ValueTask<CallerIdentity?> BindAsync(HttpContext context) => ValueTask.FromResult<CallerIdentity?>(Of(context));

    public static CallerIdentity Of(HttpContext context)
    {
        var header = new string(context.Request.Headers[UserHeader].ToString().Where(c => !char.IsControl(c)).ToArray()).Trim();
        return new CallerIdentity(header.Length == 0 ? Default : header[..Math.Min(header.Length, 100)]);
    }
}
