using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Themes.Exchange;

/// <summary>A code left out because the inquiry already has a theme of that name (in any case).</summary>
public sealed record CodeClash(string Name, long ExistingThemeId, string ExistingName);

public sealed record CodebookImportResult(IReadOnlyList<Theme> Added, IReadOnlyList<CodeClash> Clashes, IReadOnlyList<QdaCode> Nested);

/// <summary>
/// Adds a codebook's codes to an inquiry as themes: names kept, colour and description taken, rules empty
/// (a researcher writes them, or tags by hand). A code whose name the inquiry already has is reported and
/// left out — an existing theme is never overwritten. Themes have no hierarchy: a nested code becomes a
/// theme of its own, and is reported with the codes above it.
/// </summary>
public static class CodebookImport
{
    private static readonly string[] Palette = ["#2E7D32", "#1565C0", "#6A1B9A", "#00838F", "#C62828", "#EF6C00", "#5D4037", "#455A64"];

    public static async Task<CodebookImportResult> AddAsync(EvidenceDbContext db, int inquiryId, IReadOnlyList<QdaCode> codes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Theme>().Where(t => t.InquiryId == inquiryId).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var taken = existing.ToDictionary(t => t.Name.ToLowerInvariant(), t => (t.Id, t.Name));
        var added = new List<Theme>();
        var clashes = new List<CodeClash>();
        foreach (var code in codes)
        {
            var name = code.Name.Length > 200 ? code.Name[..200] : code.Name;
            if (taken.TryGetValue(name.ToLowerInvariant(), out var other))
            {
                clashes.Add(new CodeClash(name, other.Id, other.Name));
                continue;
            }

            var theme = new Theme
            {
                InquiryId = inquiryId,
                Name = name,
                Description = code.Description is { Length: > 0 } d ? (d.Length > 2000 ? d[..2000] : d) : null,
                Rule = string.Empty,
                Colour = code.Colour ?? Palette[(existing.Count + added.Count) % Palette.Length],
                RuleVersion = 1,
                AppliedVersion = 1, // nothing to apply: no rule
                CreatedAt = now,
                UpdatedAt = now,
            };
            taken[name.ToLowerInvariant()] = (0, name);
            added.Add(theme);
        }

        db.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return new CodebookImportResult(added, clashes, codes.Where(c => c.Parents.Count > 0).ToList());
    }
}
