using EvidenceHub.Core;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Search;
using EvidenceHub.Samples;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Samples;

/// <summary>
/// Loads the sample inquiry (invented submitters and witnesses) into an empty repository at start-up,
/// through the same intake and pipeline as a clerk's uploads, so a newcomer lands in a living repository.
/// </summary>
public sealed class SampleInquiryLoader(
    IServiceScopeFactory scopes,
    IOptions<EvidenceHubOptions> options,
    TimeProvider clock,
    ILogger<SampleInquiryLoader> logger) : BackgroundService
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "samples", "lbn");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.LoadSamples)
        {
            return;
        }

        try
        {
            await LoadAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The sample inquiry could not be loaded; the repository works without it");
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.SamplesDirectory ?? DefaultFolder;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        if (await db.Inquiries.AnyAsync(cancellationToken) || !Directory.Exists(folder))
        {
            return;
        }

        var sample = SampleInquiry.Load(folder);
        var inquiry = new Inquiry
        {
            Prefix = sample.ReferencePrefix,
            Title = sample.Title,
            Description = sample.Description,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Inquiries.Add(inquiry);
        await db.SaveChangesAsync(cancellationToken);
        AddThemes(db, inquiry.Id, sample.Themes);
        await db.SaveChangesAsync(cancellationToken);

        var intake = scope.ServiceProvider.GetRequiredService<SubmissionIntake>();
        var accepted = 0;
        foreach (var submission in sample.Submissions)
        {
            var content = SampleDocumentRenderer.Render(submission, sample.ReadSource(submission));
            var result = await intake.AcceptAsync(sample.ReferencePrefix, ToNewSubmission(submission, content), cancellationToken);
            if (result is IntakeResult.Accepted)
            {
                accepted++;
            }
            else
            {
                logger.LogWarning("Sample file {File} was not accepted: {Result}", submission.File, result);
            }
        }

        logger.LogInformation("Loaded the sample inquiry {Prefix}: {Accepted} of {Total} submissions queued",
            sample.ReferencePrefix, accepted, sample.Submissions.Count);
    }

    /// <summary>The sample codebook; each submission's rules are applied as it is indexed.</summary>
    private void AddThemes(EvidenceDbContext db, int inquiryId, IEnumerable<SampleTheme> themes)
    {
        foreach (var theme in themes)
        {
            if (ThemeRules.Problem(theme.Rule) is { } problem)
            {
                logger.LogWarning("Sample theme {Theme} skipped: {Problem}", theme.Name, problem);
                continue;
            }

            db.Add(new Theme
            {
                InquiryId = inquiryId,
                Name = theme.Name,
                Description = theme.Description,
                Rule = theme.Rule,
                Colour = theme.Colour,
                RuleVersion = 1,
                CreatedAt = clock.GetUtcNow(),
                UpdatedAt = clock.GetUtcNow(),
            });
        }
    }

    private static NewSubmission ToNewSubmission(SampleSubmission s, byte[] content)
    {
        Codes.TryParse<SubmissionKind>(s.Kind, out var kind);
        return new NewSubmission(
            FileName: s.File,
            Content: content,
            Kind: kind,
            SubmitterName: s.SubmitterName,
            Organisation: s.Organisation,
            Category: Codes.TryParse<SubmitterCategory>(s.Category, out var category) ? category : null,
            ReceivedOn: s.ReceivedOn,
            Title: s.Title,
            Anonymous: s.Anonymous);
    }
}
