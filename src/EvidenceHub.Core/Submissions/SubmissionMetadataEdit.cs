using EvidenceHub.Core.Accounts;
using EvidenceHub.Core.Audit;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Submissions;

/// <summary>
/// A clerk's correction of what is known about a submission; a field left null stays as it is. Codes and
/// dates are the upload's (<see cref="SubmitterFields"/>); an empty title, organisation or category clears it.
/// </summary>
public sealed record MetadataChange(
    string? Title = null,
    string? SubmitterName = null,
    string? Organisation = null,
    string? Category = null,
    string? Kind = null,
    string? ReceivedOn = null,
    bool? Anonymous = null);

public abstract record MetadataEditResult
{
    /// <summary>Saved; <paramref name="Fields"/> names what changed (empty when nothing did).</summary>
    public sealed record Saved(Submission Submission, IReadOnlyList<string> Fields) : MetadataEditResult;

    public sealed record Invalid(string Problem) : MetadataEditResult;
}

/// <summary>
/// Corrects a submission's metadata and its index entries, which carry it: this node's index has it before
/// this returns, and a change the public could notice (names, title, anonymity) is urgent for every other
/// node. A refresh follows, since theme rules may read the submitter and organisation. A change between oral and written evidence
/// is read again (a transcript is split into turns). The audit names the fields, never their values.
/// </summary>
public sealed class SubmissionMetadataEdit(
    EvidenceDbContext db,
    ImmediateIndexUpdate indexNow,
    IPipelineQueue queue,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>Null when there is no such submission.</summary>
    public async Task<MetadataEditResult?> ApplyAsync(string reference, MetadataChange change, Actor actor, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.Include(s => s.Inquiry)
            .FirstOrDefaultAsync(s => s.Reference == reference.ToUpperInvariant(), cancellationToken);
        if (submission is null)
        {
            return null;
        }

        if (Check(change) is { } problem)
        {
            return new MetadataEditResult.Invalid(problem);
        }

        var before = (Public: submission.Publication == Publication.Published, submission.Anonymous, Oral: submission.Kind == SubmissionKind.Oral);
        var changed = Apply(submission, change);
        if (changed.Count == 0)
        {
            return new MetadataEditResult.Saved(submission, changed);
        }

        var reread = before.Oral != (submission.Kind == SubmissionKind.Oral);
        if (reread)
        {
            submission.Queue(clock.GetUtcNow());
        }

        audit.Add(actor, AuditActions.MetadataChanged, submission.Inquiry!.Prefix, submission.Reference, string.Join(", ", changed));
        await db.SaveChangesAsync(cancellationToken); // with its change-log row: every node's index follows
        await indexNow.ApplyAsync();
        if (reread)
        {
            queue.Process(submission.Id);
        }
        else
        {
            queue.Refresh(submission.Id);
        }

        return new MetadataEditResult.Saved(submission, changed);
    }

    private static string? Check(MetadataChange c)
    {
        if (c.SubmitterName is not null && string.IsNullOrWhiteSpace(c.SubmitterName))
        {
            return "submitterName cannot be empty: give the submitter's name (or the organisation's, for a body).";
        }

        return (c.Kind is { } kind ? SubmitterFields.ReadKind(kind, out _) : null)
            ?? (!string.IsNullOrWhiteSpace(c.Category) ? SubmitterFields.ReadCategory(c.Category, out _) : null)
            ?? (c.ReceivedOn is { } date ? SubmitterFields.ReadReceivedOn(date, out _) : null)
            ?? SubmitterFields.TooLong("title", c.Title?.Trim(), SubmitterFields.MaxTitleLength)
            ?? SubmitterFields.TooLong("submitterName", c.SubmitterName?.Trim(), SubmitterFields.MaxNameLength)
            ?? SubmitterFields.TooLong("organisation", c.Organisation?.Trim(), SubmitterFields.MaxNameLength);
    }

    /// <summary>Sets each given field (already checked) and returns the names of those whose value changed.</summary>
    private static List<string> Apply(Submission s, MetadataChange c)
    {
        var changed = new List<string>();
        void Set<T>(string name, T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed.Add(name);
            }
        }

        if (c.Title is not null)
        {
            Set("title", s.Title, Blank(c.Title), v => s.Title = v);
        }

        if (c.SubmitterName is not null)
        {
            Set("submitterName", s.SubmitterName, c.SubmitterName.Trim(), v => s.SubmitterName = v);
        }

        if (c.Organisation is not null)
        {
            Set("organisation", s.Organisation, Blank(c.Organisation), v => s.Organisation = v);
        }

        if (c.Category is not null)
        {
            var category = string.IsNullOrWhiteSpace(c.Category) ? null
                : SubmitterFields.ReadCategory(c.Category.Trim(), out var parsed) is null ? parsed : s.Category;
            Set("category", s.Category, category, v => s.Category = v);
        }

        if (c.Kind is not null && SubmitterFields.ReadKind(c.Kind.Trim(), out var kind) is null)
        {
            Set("kind", s.Kind, kind, v => s.Kind = v);
        }

        if (c.ReceivedOn is not null && SubmitterFields.ReadReceivedOn(c.ReceivedOn, out var date) is null)
        {
            Set("receivedOn", s.ReceivedOn, (DateOnly?)date, v => s.ReceivedOn = v);
        }

        if (c.Anonymous is { } anonymous)
        {
            Set("anonymous", s.Anonymous, anonymous, v => s.Anonymous = v);
        }

        return changed;
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
