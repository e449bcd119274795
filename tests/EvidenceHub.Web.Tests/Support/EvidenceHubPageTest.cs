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
