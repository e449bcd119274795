using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Microsoft.Playwright.MSTest;

namespace EvidenceHub.Web.Tests.Support;

/// <summary>
/// A Playwright page on Debian's Chromium (Playwright's own browser download does not work here)
/// against the shared test server, collecting script errors so a journey can assert there were none.
/// </summary>
public abstract class EvidenceHubPageTest : PageTest
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<string> consoleErrors = [];

    public override Task<BrowserTypeLaunchOptions?> LaunchOptionsAsync() => Task.FromResult<BrowserTypeLaunchOptions?>(new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
    });

    public override BrowserNewContextOptions ContextOptions() => new()
    {
        BaseURL = WebServerSetup.BaseAddress.ToString().TrimEnd('/'),
        Locale = "en-GB",
        ColorScheme = ColorScheme.Light,
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    };

    [TestInitialize]
    public void WatchConsole()
    {
        Page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        Page.Console += (_, message) =>
        {
            // A refused request (400, 409) is logged by Chromium itself; the page shows it to the user instead.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => consoleErrors.Add(error);
    }

    protected void AssertNoScriptErrors() =>
        Assert.IsEmpty(consoleErrors, "script errors: " + string.Join(" | ", consoleErrors));

    /// <summary>Signs in through the sign-in page, as a person would, and waits until the page it returns to knows who they are.</summary>
    protected async Task SignInAsync(TestUser user, string returnUrl = "/")
    {
        await Page.GotoAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await Page.GetByLabel("Email address").FillAsync(user.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#signed-in-as")).ToContainTextAsync(user.Email);
    }

    /// <summary>
    /// A request with the browser's sign-in cookie, carrying the antiforgery token as the page does
    /// (the server refuses a change made with the cookie without it).
    /// </summary>
    protected async Task<IAPIResponse> SendAsync(string method, string url, object? data = null)
    {
        var issued = JsonNode.Parse(await (await Page.APIRequest.GetAsync("/api/auth/antiforgery")).TextAsync())!;
        return await Page.APIRequest.FetchAsync(url, new()
        {
            Method = method,
            DataObject = data,
            Headers = new Dictionary<string, string> { [issued["headerName"]!.GetValue<string>()] = issued["token"]!.GetValue<string>() },
        });
    }

    /// <summary>
    /// Runs axe on the page as it is now (its default rules, WCAG 2.0–2.1 A and AA and best practices, plus
    /// the WCAG 2.2 AA target-size rule that axe leaves off by default) and fails with each violation,
    /// where it is and how to fix it.
    /// </summary>
    protected async Task AssertAccessibleAsync(string name)
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new() { Enabled = true } },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — " + string.Join("; ", v.Nodes.Select(n => $"{n.Target} {n.Html} ({string.Join(", ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))})")));
        Assert.IsEmpty(result.Violations, $"axe on {name}: " + string.Join(" | ", violations));
        TestContext.WriteLine($"axe on {name}: 0 violations, {result.Passes.Length} rules passed");
    }

    /// <summary>A full-page screenshot in the test results folder (screenshots/), named after the page it shows; also attached to the result.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(TestContext.TestResultsDirectory ?? Path.GetTempPath(), "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddResultFile(path);
    }
}
