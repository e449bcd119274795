using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EvidenceHub.Api.Tests.Support;

/// <summary>
/// What a browser does in a sign-in through the organisation's directory, with an HttpClient: keeps
/// cookies, follows each redirect by hand, fills the provider's login form and submits the form that
/// posts the code back to EvidenceHub (<c>response_mode=form_post</c>), as the page's script would.
/// </summary>
public sealed partial class DirectoryBrowser(Uri evidenceHub) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = evidenceHub,
    };

    public HttpClient Http => http;

    /// <summary>
    /// Starts at <c>/api/auth/oidc</c>, signs in at the provider as <paramref name="login"/>, and returns
    /// EvidenceHub's answer to the callback: a redirect to <paramref name="returnUrl"/> when signed in.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(string login, string returnUrl = "/api/me")
    {
        var challenge = await http.GetAsync($"/api/auth/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.AreEqual(HttpStatusCode.Redirect, challenge.StatusCode, await challenge.Content.ReadAsStringAsync());
        var authorize = challenge.Headers.Location!;

        var loginPage = await http.GetAsync(authorize);
        var loginForm = await FormAsync(loginPage, authorize);
        loginForm.Fields.Add(new(TestIdentityProvider.LoginField, login));
        var answer = await http.PostAsync(loginForm.Action, new FormUrlEncodedContent(loginForm.Fields));

        // The provider answers with a page whose form posts the code (or the error) back to /signin-oidc.
        var callback = await FormAsync(answer, loginForm.Action);
        Assert.AreEqual("/signin-oidc", callback.Action.AbsolutePath);
        return await http.PostAsync(callback.Action, new FormUrlEncodedContent(callback.Fields));
    }

    /// <summary>Signs in and fails the test unless EvidenceHub sent the browser on to <paramref name="returnUrl"/>.</summary>
    public async Task SignInOkAsync(string login, string returnUrl = "/api/me")
    {
        var response = await SignInAsync(login, returnUrl);
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual(returnUrl, response.Headers.Location!.OriginalString);
    }

    public async Task<JsonNode> MeAsync() => (await http.GetFromJsonAsync<JsonNode>("/api/me"))!;

    /// <summary>A change made with the sign-in cookie, carrying the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var antiforgery = (await http.GetFromJsonAsync<JsonNode>("/api/auth/antiforgery"))!;
        request.Headers.Add(antiforgery["headerName"]!.GetValue<string>(), antiforgery["token"]!.GetValue<string>());
        return await http.SendAsync(request);
    }

    public void Dispose() => http.Dispose();

    private sealed record Form(Uri Action, List<KeyValuePair<string, string>> Fields);

    private static async Task<Form> FormAsync(HttpResponseMessage response, Uri page)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        var action = FormAction().Match(html);
        Assert.IsTrue(action.Success, "a form: " + html);
        var fields = Inputs().Matches(html)
            .Select(input => (Name: InputName().Match(input.Value), Value: InputValue().Match(input.Value)))
            .Where(input => input.Name.Success)
            .Select(input => new KeyValuePair<string, string>(
                WebUtility.HtmlDecode(input.Name.Groups[1].Value), WebUtility.HtmlDecode(input.Value.Success ? input.Value.Groups[1].Value : "")))
            .Where(field => field.Key != TestIdentityProvider.LoginField)
            .ToList();
        return new Form(new Uri(page, WebUtility.HtmlDecode(action.Groups[1].Value)), fields);
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Inputs();

    [GeneratedRegex("name=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex InputName();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex InputValue();
}
