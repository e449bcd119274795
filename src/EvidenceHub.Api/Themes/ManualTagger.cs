using EvidenceHub.Api.Hosting;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Api.Themes;

public enum TagAction
{
    Tag,
    Untag,
    Confirm,
    Reject,
}

/// <summary>
/// A person's tag actions. Tagging by hand makes a tag manual (an automatic tag already there becomes
/// manual); removing a manual tag deletes it, removing an automatic one rejects it so that no re-run
/// brings it back; confirm and reject apply to automatic tags only. Every action is audited. It is
/// written under the submission's row lock, the lock every writer of its tags takes, with the rules
/// evaluated again on the submission in the same transaction (a rejected passage tag can take the
/// submission's automatic tag with it), so the tags never mix a person's change with a stale evaluation.
/// </summary>
public sealed class ManualTagger(EvidenceDbContext db, SubmissionThemeEvaluator rules, ImmediateIndexUpdate indexNow, TimeProvider clock)
{
    public async Task<Results<Ok<ThemeTagDto>, NoContent, ProblemHttpResult>> ApplyAsync(
        Submission submission, long? passageId, long? themeId, TagAction action, string who, CancellationToken cancellationToken)
    {
        if (themeId is null)
        {
            return Problems.BadRequest("No theme given", "Send the theme as { \"themeId\": 12 }.");
        }

        var theme = await db.Set<Theme>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == themeId, cancellationToken);
        if (theme is null || theme.InquiryId != submission.InquiryId)
        {
            return Problems.NotFound($"The theme {themeId} in the inquiry {submission.Inquiry?.Prefix}");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var outcome = await WriteLockedAsync(submission, passageId, theme, action, who, cancellationToken);
            if (outcome.Result is not ProblemHttpResult)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return outcome;
        });
        if (result.Result is not ProblemHttpResult)
        {
            await indexNow.ApplyAsync(); // saved with its change-log rows; this node's index has it before the answer
        }

        return result;
    }

    private async Task<Results<Ok<ThemeTagDto>, NoContent, ProblemHttpResult>> WriteLockedAsync(
        Submission submission, long? passageId, Theme theme, TagAction action, string who, CancellationToken cancellationToken)
    {
        if (!await SubmissionRowLock.TakeAsync(db, submission.Id, cancellationToken))
        {
            return Problems.NotFound($"The submission {submission.Reference}"); // deleted while this request waited
        }

        if (passageId is { } id && !await db.Passages.AnyAsync(p => p.Id == id && p.SubmissionId == submission.Id, cancellationToken))
        {
            return Problems.NotFound($"The passage {id}"); // replaced by a corrected version meanwhile
        }

        var tag = await db.Set<ThemeTag>().FirstOrDefaultAsync(
            t => t.ThemeId == theme.Id && t.SubmissionId == submission.Id && t.PassageId == passageId, cancellationToken);
        var now = clock.GetUtcNow();
        if (Decide(action, tag, theme, submission.Id, passageId, who, now) is { } problem)
        {
            return problem;
        }

        db.Add(new ThemeTagAudit
        {
            SubmissionId = submission.Id,
            PassageId = passageId,
            ThemeId = theme.Id,
            ThemeName = theme.Name,
            Action = action.ToCode(),
            By = who,
            At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        var current = await db.Set<ThemeTag>().AsNoTracking().FirstOrDefaultAsync(
            t => t.ThemeId == theme.Id && t.SubmissionId == submission.Id && t.PassageId == passageId, cancellationToken);
        await rules.EvaluateAsync(submission, submission.Inquiry?.Prefix ?? await PrefixAsync(submission, cancellationToken), cancellationToken);
        return current is null ? TypedResults.NoContent() : TypedResults.Ok(current.AsDto(theme.Name));
    }

    private Task<string> PrefixAsync(Submission submission, CancellationToken cancellationToken) =>
        db.Inquiries.Where(i => i.Id == submission.InquiryId).Select(i => i.Prefix).FirstAsync(cancellationToken);

    /// <summary>Changes the tracked tag (or adds one); returns a problem when the action does not apply.</summary>
    private ProblemHttpResult? Decide(TagAction action, ThemeTag? tag, Theme theme, long submissionId, long? passageId, string who, DateTimeOffset now)
    {
        var what = passageId is null ? "this submission" : $"passage {passageId}";
        if (tag is null && action != TagAction.Tag)
        {
            return Problems.NotFound($"A tag '{theme.Name}' on {what}");
        }

        switch (action)
        {
            case TagAction.Tag when tag is null:
                db.Add(new ThemeTag
                {
                    ThemeId = theme.Id,
                    SubmissionId = submissionId,
                    PassageId = passageId,
                    Origin = TagOrigin.Manual,
                    TaggedBy = who,
                    TaggedAt = now,
                });
                return null;
            case TagAction.Tag:
                if (tag!.Origin == TagOrigin.Automatic)
                {
                    tag.Origin = TagOrigin.Manual;
                    tag.Review = TagReview.None;
                    tag.TaggedBy = who;
                    tag.TaggedAt = now;
                }

                return null;
            case TagAction.Untag when tag!.Origin == TagOrigin.Manual:
                db.Remove(tag);
                return null;
            case TagAction.Confirm or TagAction.Reject when tag!.Origin == TagOrigin.Manual:
                return Problems.Of(StatusCodes.Status409Conflict, "This tag was made by hand",
                    $"Only automatic tags are confirmed or rejected; remove the hand tag '{theme.Name}' on {what} with DELETE instead.");
            default:
                tag!.Review = action == TagAction.Confirm ? TagReview.Confirmed : TagReview.Rejected;
                tag.ReviewedBy = who;
                tag.ReviewedAt = now;
                return null;
        }
    }
}
