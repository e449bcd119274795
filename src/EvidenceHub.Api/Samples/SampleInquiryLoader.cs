using EvidenceHub.Core;
using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Inquiries;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Samples;
using EvidenceHub.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Samples;

/// <summary>
/// Loads the sample inquiry (invented submitters and witnesses) into an empty repository at start-up,
/// through the same intake and pipeline as a clerk's uploads, so a newcomer lands in a living repository:
/// most of it published as the manifest says, a few submissions still received or withheld, and
/// anonymous individuals whose names only staff see — what the public sees of a real inquiry.
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

    /// <summary>
    /// Idempotent: it runs only while the repository holds nothing but the sample inquiry, creates what is
    /// missing and lets the intake's duplicate check skip files already in, so a start interrupted
    /// half-way is finished by the next one and a second start duplicates nothing.
    /// </summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.SamplesDirectory ?? DefaultFolder;
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Sample inquiry folder {Folder} not found; starting empty", folder);
            return;
        }

        var sample = SampleInquiry.Load(folder);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        if (await db.Inquiries.AnyAsync(i => i.Prefix != sample.ReferencePrefix, cancellationToken))
        {
            return; // a real repository: never mix the sample into it
        }

        var inquiry = await db.Inquiries.FirstOrDefaultAsync(i => i.Prefix == sample.ReferencePrefix, cancellationToken);
        if (inquiry is null)
        {
            inquiry = new Inquiry
            {
                Prefix = sample.ReferencePrefix,
                Title = sample.Title,
                Description = sample.Description,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Inquiries.Add(inquiry);
            await db.SaveChangesAsync(cancellationToken);
        }

        await AddMissingThemesAsync(db, inquiry.Id, sample.Themes, cancellationToken);
        // By references issued, not submissions held: a sample submission a clerk has deleted stays deleted.
        if (inquiry.LastReferenceNumber < sample.Submissions.Count)
        {
            await LoadSubmissionsAsync(scope.ServiceProvider.GetRequiredService<SubmissionIntake>(), sample, cancellationToken);
        }

        if (!await db.Set<QuoteCollection>().AnyAsync(c => c.Name == QuoteCollectionName, cancellationToken))
        {
            await WaitUntilReadAsync(db, inquiry.Id, cancellationToken);
            await LoadQuotesAsync(db, inquiry.Id, sample, cancellationToken);
        }
    }

    /// <summary>The report chapter the sample quotes are collected in.</summary>
    public const string QuoteCollectionName = "Chapter 3: Power closer to communities";

    /// <summary>Quotes need passages: wait (bounded) until every sample submission is read or has failed.</summary>
    private static async Task WaitUntilReadAsync(EvidenceDbContext db, int inquiryId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline && await db.Submissions.AnyAsync(
            s => s.InquiryId == inquiryId && (s.Status == ProcessingStatus.Queued || s.Status == ProcessingStatus.Extracting), cancellationToken))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>Each sample quote is the exact text of one passage of its file; it is taken where it stands.</summary>
    private async Task LoadQuotesAsync(EvidenceDbContext db, int inquiryId, SampleInquiry sample, CancellationToken cancellationToken)
    {
        var taken = 0;
        foreach (var wanted in sample.Quotes)
        {
            var submission = await db.Submissions.AsNoTracking()
                .FirstOrDefaultAsync(s => s.InquiryId == inquiryId && s.FileName == wanted.File, cancellationToken);
            var passages = submission is null ? []
                : await db.Passages.AsNoTracking().Where(p => p.SubmissionId == submission.Id).OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);
            var passage = passages.FirstOrDefault(p => p.Text.Contains(wanted.Text, StringComparison.Ordinal));
            if (submission is null || passage is null)
            {
                logger.LogWarning("Sample quote from {File} not found in its passages: {Text}", wanted.File, wanted.Text);
                continue;
            }

            var start = passage.Text.IndexOf(wanted.Text, StringComparison.Ordinal);
            await QuoteTaker.TakeAsync(db, passage, submission, start, start + wanted.Text.Length,
                wanted.Note, QuoteCollectionName, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            taken++;
        }

        logger.LogInformation("Sample quotes: {Taken} of {Total} in '{Collection}'", taken, sample.Quotes.Count, QuoteCollectionName);
    }

    private async Task LoadSubmissionsAsync(SubmissionIntake intake, SampleInquiry sample, CancellationToken cancellationToken)
    {
        var accepted = 0;
        foreach (var submission in sample.Submissions)
        {
            var content = SampleDocumentRenderer.Render(submission, sample.ReadSource(submission));
            switch (await intake.AcceptAsync(sample.ReferencePrefix, ToNewSubmission(submission, content), Actor.System, cancellationToken))
            {
                case IntakeResult.Accepted:
                    accepted++;
                    break;
                case IntakeResult.Duplicate:
                    break;
                case var other:
                    logger.LogWarning("Sample file {File} was not accepted: {Result}", submission.File, other);
                    break;
            }
        }

        logger.LogInformation("Loaded the sample inquiry {Prefix}: {Accepted} new submissions queued of {Total}",
            sample.ReferencePrefix, accepted, sample.Submissions.Count);
    }

    /// <summary>Themes go in before the submissions, so each submission is tagged as it is indexed.</summary>
    private async Task AddMissingThemesAsync(EvidenceDbContext db, int inquiryId, IEnumerable<SampleTheme> themes, CancellationToken cancellationToken)
    {
        // With no submissions yet, each index job evaluates the rules: no rule job is owed.
        var noSubmissions = !await db.Submissions.AnyAsync(s => s.InquiryId == inquiryId, cancellationToken);
        var existing = (await db.Set<Theme>().Where(t => t.InquiryId == inquiryId).Select(t => t.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var theme in themes.Where(t => !existing.Contains(t.Name)))
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
                AppliedVersion = noSubmissions ? 1 : 0,
                CreatedAt = clock.GetUtcNow(),
                UpdatedAt = clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
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
            Anonymous: s.Anonymous,
            Publication: Codes.TryParse<Publication>(s.Publication, out var publication) ? publication : Publication.Received);
    }
}
