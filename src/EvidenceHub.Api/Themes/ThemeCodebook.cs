using System.Text.RegularExpressions;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Replication;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Themes;

/// <summary>Creating, changing and deleting themes. A rule is checked by the search parser before it is saved.</summary>
public static partial class ThemeCodebook
{
    private static readonly string[] Palette = ["#2E7D32", "#1565C0", "#6A1B9A", "#00838F", "#C62828", "#EF6C00", "#5D4037", "#455A64"];
    // Each concurrent edit can lose the race once to each other edit: eight at once need up to eight tries.
    private const int MaxAttempts = 20;

    public static async Task<Results<Created<ThemeDto>, ProblemHttpResult>> CreateAsync(
        string prefix, ThemeRequest request, EvidenceDbContext db, IPipelineQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Prefix == prefix, cancellationToken);
        if (inquiry is null)
        {
            return Problems.NotFound($"The inquiry '{prefix}'");
        }

        var name = request.Name?.Trim() ?? string.Empty;
        if (Invalid(name, request.Rule, request.Colour) is { } problem)
        {
            return problem;
        }

        if (await NameTakenAsync(db, inquiry.Id, name, exceptId: null, cancellationToken))
        {
            return NameTaken(name, prefix);
        }

        var count = await db.Set<Theme>().CountAsync(t => t.InquiryId == inquiry.Id, cancellationToken);
        var theme = new Theme
        {
            InquiryId = inquiry.Id,
            Name = name,
            Description = Clean(request.Description),
            Rule = request.Rule!.Trim(),
            Colour = request.Colour?.Trim().ToUpperInvariant() ?? Palette[count % Palette.Length],
            RuleVersion = 1,
            CreatedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Add(theme);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return NameTaken(name, prefix);
        }

        queue.ApplyTheme(theme.Id);
        return TypedResults.Created($"/api/themes/{theme.Id}", theme.AsDto(inquiry.Prefix));
    }

    /// <summary>
    /// Changes what is given (null keeps a field). A changed rule gets the next version and is re-applied; a new
    /// name reaches the index entries of every submission tagged with the theme through the change log, saved
    /// with the rename.
    /// </summary>
    public static async Task<Results<Ok<ThemeDto>, ProblemHttpResult>> UpdateAsync(long id, ThemeRequest request, EvidenceDbContext db,
        IPipelineQueue queue, ImmediateIndexUpdate indexNow, TimeProvider clock, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var theme = await db.Set<Theme>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (theme is null)
            {
                return Problems.NotFound($"The theme {id}");
            }

            var prefix = await db.Inquiries.Where(i => i.Id == theme.InquiryId).Select(i => i.Prefix).FirstAsync(cancellationToken);
            var name = request.Name?.Trim() ?? theme.Name;
            // A theme imported without a rule keeps none until one is given.
            if (Invalid(name, request.Rule ?? theme.Rule, request.Colour, ruleRequired: request.Rule is not null || theme.Rule.Length > 0) is { } problem)
            {
                return problem;
            }

            if (await NameTakenAsync(db, theme.InquiryId, name, theme.Id, cancellationToken))
            {
                return NameTaken(name, prefix);
            }

            var ruleChanged = request.Rule is not null && request.Rule.Trim() != theme.Rule;
            var renamed = name != theme.Name;
            theme.Name = name;
            theme.Description = request.Description is null ? theme.Description : Clean(request.Description);
            theme.Colour = request.Colour?.Trim().ToUpperInvariant() ?? theme.Colour;
            if (ruleChanged)
            {
                theme.Rule = request.Rule!.Trim();
                theme.RuleVersion++;
            }

            theme.UpdatedAt = clock.GetUtcNow();
            var tagged = renamed ? await TaggedAsync(db, id, cancellationToken) : [];
            IndexChangeLog.Record(db, tagged);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                continue; // someone else changed the rule meanwhile: apply this edit on top of theirs
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                return NameTaken(name, prefix);
            }

            if (ruleChanged)
            {
                queue.ApplyTheme(theme.Id);
            }

            if (renamed)
            {
                // A tag another writer saved while the rename was being saved carries the old name if its own
                // change-log row was applied before the rename committed: it is written again now.
                IndexChangeLog.Record(db, (await TaggedAsync(db, id, cancellationToken)).Except(tagged));
                await db.SaveChangesAsync(cancellationToken);
                await indexNow.ApplyAsync();
            }

            return TypedResults.Ok(theme.AsDto(prefix));
        }
    }

    /// <summary>Deletes the theme and its tags, and records the index change of every submission it tagged, in one transaction.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, EvidenceDbContext db, ImmediateIndexUpdate indexNow, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var deleted = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var tagged = await TaggedAsync(db, id, cancellationToken);
            await db.Set<ThemeTag>().Where(t => t.ThemeId == id).ExecuteDeleteAsync(cancellationToken);
            if (await db.Set<Theme>().Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return false;
            }

            IndexChangeLog.Record(db, tagged); // bulk deletes bypass the change tracker
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (!deleted)
        {
            return Problems.NotFound($"The theme {id}");
        }

        await indexNow.ApplyAsync();
        return TypedResults.NoContent();
    }

    private static Task<List<long>> TaggedAsync(EvidenceDbContext db, long themeId, CancellationToken cancellationToken) =>
        db.Set<ThemeTag>().Where(t => t.ThemeId == themeId).Select(t => t.SubmissionId).Distinct().ToListAsync(cancellationToken);

    private static ProblemHttpResult? Invalid(string name, string? rule, string? colour, bool ruleRequired = true)
    {
        if (name.Length is 0 or > 200)
        {
            return Problems.BadRequest("The theme needs a name", "Give the theme a name of at most 200 characters.");
        }

        if (!ruleRequired)
        {
            return colour is not null && !ColourPattern().IsMatch(colour.Trim())
                ? Problems.BadRequest("The colour is not valid", $"'{colour}' is not a colour; write it as #RRGGBB, such as #2E7D32.")
                : null;
        }

        if (ThemeRules.Problem(rule) is { } why)
        {
            return Problems.BadRequest("The rule is not valid", why);
        }

        if (rule!.Length > 4000)
        {
            return Problems.BadRequest("The rule is too long", "Keep a rule under 4000 characters.");
        }

        return colour is not null && !ColourPattern().IsMatch(colour.Trim())
            ? Problems.BadRequest("The colour is not valid", $"'{colour}' is not a colour; write it as #RRGGBB, such as #2E7D32.")
            : null;
    }

    private static Task<bool> NameTakenAsync(EvidenceDbContext db, int inquiryId, string name, long? exceptId, CancellationToken cancellationToken)
    {
        var lower = name.ToLower();
        return db.Set<Theme>().AnyAsync(t => t.InquiryId == inquiryId && t.Name.ToLower() == lower && t.Id != exceptId, cancellationToken);
    }

    private static ProblemHttpResult NameTaken(string name, string prefix) =>
        Problems.Of(StatusCodes.Status409Conflict, "The theme name is taken", $"The inquiry {prefix} already has a theme called '{name}'.");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColourPattern();
}
