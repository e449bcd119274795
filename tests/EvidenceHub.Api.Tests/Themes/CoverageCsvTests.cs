using System.Text.RegularExpressions;
using EvidenceHub.Api.Tests.Support;

namespace EvidenceHub.Api.Tests.Themes;

/// <summary>The coverage CSV is safe to open in a spreadsheet, whatever a researcher named a theme.</summary>
[TestClass]
public sealed class CoverageCsvTests
{
    [TestMethod]
    public async Task A_theme_named_like_a_formula_is_written_as_text_not_run()
    {
        using var factory = new EvidenceHubFactory();
        var api = new ApiClient(factory.CreateAdminClient());
        await api.CreateInquiryAsync("CSV");
        await api.CreateThemeAsync("CSV", "=cmd|' /C calc'!A0", "harbour");
        // The API trims a name, so the tab goes; what is left starts with '=' and must not become a formula either.
        await api.CreateThemeAsync("CSV", "\t=HYPERLINK(\"http://example.org\",\"open\")", "meadow");
        await api.CreateThemeAsync("CSV", "@SUM(1+1)", "lantern");
        await api.CreateThemeAsync("CSV", "Plain, with a comma", "copper");

        var csv = await api.Http.GetStringAsync("/api/inquiries/CSV/themes/coverage?format=csv");
        // A row is the name's cell, then the counts.
        var names = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(row => Regex.Replace(row, "(,[0-9]+)+$", string.Empty)).Order(StringComparer.Ordinal).ToList();

        Assert.AreSequenceEqual(
            new[] { "\"'=HYPERLINK(\"\"http://example.org\"\",\"\"open\"\")\"", "\"Plain, with a comma\"", "'=cmd|' /C calc'!A0", "'@SUM(1+1)" }.Order(StringComparer.Ordinal).ToList(),
            names, csv);
        Assert.DoesNotContain(line => line.Length > 0 && line[0] is '=' or '+' or '-' or '@' or '\t', csv.Split("\r\n"), csv);
    }
}
