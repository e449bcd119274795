using System.Collections.Concurrent;
using EvidenceHub.Core.Pipeline;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvidenceHub.Api.Tests.Pipeline;

/// <summary>Single submissions queued close together share a job; a batch's rows are queued at once, in groups.</summary>
[TestClass]
public sealed class PipelineGroupsTests
{
    [TestMethod]
    public async Task Submissions_queued_one_by_one_within_the_window_share_one_job()
    {
        var jobs = new RecordingJobs();
        using var groups = new PipelineGroups(jobs, NullLogger<PipelineGroups>.Instance, TimeSpan.FromSeconds(1)); // wide, for a loaded machine

        groups.Add(3);
        groups.Add(1);
        groups.Add(2);
        Assert.IsEmpty(jobs.Groups, "nothing is queued before the window closes");
        await jobs.WaitForAsync(1);

        Assert.AreEqual("1,2,3", string.Join(',', jobs.Groups.Single()));
        Assert.AreEqual(nameof(ProcessSubmissionJob.RunManyAsync), jobs.Methods.Single());
    }

    [TestMethod]
    public async Task A_full_group_goes_at_once_and_one_submission_alone_is_a_job_of_one()
    {
        var jobs = new RecordingJobs();
        using var groups = new PipelineGroups(jobs, NullLogger<PipelineGroups>.Instance);

        for (var id = 1; id <= PipelineGroups.GroupSize; id++)
        {
            groups.Add(id);
        }

        Assert.HasCount(1, jobs.Groups, "a full group does not wait");
        Assert.HasCount(PipelineGroups.GroupSize, jobs.Groups.Single());

        groups.Add(100);
        await jobs.WaitForAsync(2);
        Assert.AreEqual("100", string.Join(',', jobs.Groups.Last()));
        Assert.AreEqual(nameof(ProcessSubmissionJob.RunAsync), jobs.Methods.Last());
    }

    [TestMethod]
    public void A_batch_is_queued_at_once_in_groups_and_nothing_waiting_is_lost_at_shutdown()
    {
        var jobs = new RecordingJobs();
        var groups = new PipelineGroups(jobs, NullLogger<PipelineGroups>.Instance);

        groups.Enqueue(Enumerable.Range(1, 60).Select(i => (long)i).ToList());
        Assert.AreEqual("25 25 10", string.Join(' ', jobs.Groups.Select(g => g.Count)));

        groups.Add(61);
        groups.Dispose();
        Assert.AreEqual("61", string.Join(',', jobs.Groups.Last()), "the waiting submission is queued when the process stops");
    }

    /// <summary>Hangfire's client, recording the groups of the jobs created.</summary>
    private sealed class RecordingJobs : IBackgroundJobClient
    {
        private readonly ConcurrentQueue<(string Method, List<long> Ids)> created = new();

        public List<List<long>> Groups => created.Select(c => c.Ids).ToList();

        public List<string> Methods => created.Select(c => c.Method).ToList();

        public string Create(Job job, IState state)
        {
            var ids = job.Args[0] switch
            {
                long id => [id],
                long[] many => many.ToList(),
                var other => throw new AssertFailedException($"unexpected argument {other}"),
            };
            created.Enqueue((job.Method.Name, ids));
            return created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NotSupportedException();

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (created.Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            Assert.HasCount(count, created);
        }
    }
}
