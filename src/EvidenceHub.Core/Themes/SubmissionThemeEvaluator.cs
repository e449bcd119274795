using EvidenceHub.Core.Storage;
using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Core.Themes;

/// <summary>
/// Evaluates every theme rule of a submission's inquiry on that submission's passages — read from the
/// database and indexed in memory, never the shared index — and stores its automatic tags under the
/// submission's row lock (<see cref="AutomaticTagWriter"/>).
/// </summary>
public sealed class SubmissionThemeEvaluator(EvidenceDbContext db, AutomaticTagWriter writer)
{
    /// <summary>
    /// True when the submission's tags were added or removed. Saves in its own transaction, or in the
    /// caller's when there is one.
    /// </summary>
    public async Task<bool> EvaluateAsync(Submission submission, string inquiryPrefix, CancellationToken cancellationToken) =>
        (await EvaluateAsync(submission.InquiryId, inquiryPrefix, [submission.Id], cancellationToken)).Count > 0;

    /// <summary>
    /// The same for a group of submissions (their <see cref="Submission.Inquiry"/> loaded), an inquiry at a time.
    /// Returns those whose tags were added or removed.
    /// </summary>
    public async Task<IReadOnlySet<long>> EvaluateAsync(IReadOnlyList<Submission> submissions, CancellationToken cancellationToken)
    {
        var changed = new HashSet<long>();
        foreach (var inquiry in submissions.GroupBy(s => (s.InquiryId, s.Inquiry!.Prefix)))
        {
            changed.UnionWith(await EvaluateAsync(inquiry.Key.InquiryId, inquiry.Key.Prefix, inquiry.Select(s => s.Id).ToList(), cancellationToken));
        }

        return changed;
    }

    private async Task<IReadOnlySet<long>> EvaluateAsync(int inquiryId, string inquiryPrefix, IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        var read = await RulePassages.ReadAsync(db, submissionIds, inquiryPrefix, cancellationToken);
        return await writer.EvaluateAndWriteAsync(read, inquiryId, onlyTheme: null, cancellationToken);
    }
}
