using System.Data.Common;
using EvidenceHub.Api.Access;
using EvidenceHub.Core;
using EvidenceHub.Core.Pipeline;
using EvidenceHub.Core.Quotes;
using EvidenceHub.Core.Submissions;
using EvidenceHub.Core.Themes;
using EvidenceHub.Extraction;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Hosting;

public static class PipelineRegistration
{
    public static readonly string[] Queues =
        [HangfirePipelineQueue.ProcessQueue, HangfirePipelineQueue.RefreshQueue, HangfirePipelineQueue.ThemesQueue, "default"];

    /// <summary>
    /// Hangfire with this host's own storage and activator registered in DI before AddHangfire, so
    /// that several hosts in one process (the tests) never share Hangfire's static globals.
    /// </summary>
    public static void AddEvidencePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.ReadEvidenceHubOptions();
        var connectionString = configuration.GetConnectionString("EvidenceHub");
        services.AddSingleton<JobStorage>(_ => CreateJobStorage(options.Storage, connectionString));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostSafeLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        // A web-only node enqueues into the shared job storage and leaves the processing to the workers.
        if (options.Roles.HasFlag(ProcessRoles.Worker))
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = sp.GetRequiredService<IOptions<EvidenceHubOptions>>().Value.Workers;
                server.Queues = Queues;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
            services.AddHostedService<PipelineReconciler>();
            services.AddHostedService<EvidenceHub.Api.Samples.SampleInquiryLoader>();
        }

        services.AddSingleton<IDocumentExtractor, DocumentExtractor>();
        services.AddSingleton(ExtractionChildCommand.ForApp(typeof(Program).Assembly));
        services.AddSingleton<ExtractionProcessPool>();
        services.AddSingleton<ExtractionRunner>();
        services.AddSingleton<PipelineGroups>();
        services.AddScoped<IPipelineQueue, HangfirePipelineQueue>();
        services.AddScoped<SubmissionIntake>();
        services.AddScoped<EvidenceHub.Core.Submissions.Batch.SubmissionBatchIntake>();
        services.AddScoped<SubmissionCorrection>();
        services.AddScoped<SubmissionPublication>();
        services.AddScoped<SubmissionMetadataEdit>();
        services.AddScoped<SubmissionDeletion>();
        services.AddScoped<ImmediateIndexUpdate>();
        services.AddScoped<QuoteReanchoring>();
        services.AddScoped<EvidenceHub.Core.Drafts.DraftChecker>();
        services.AddScoped<ProcessSubmissionJob>();
        services.AddScoped<EvidenceHub.Core.Campaigns.CampaignAssignment>();
        services.AddScoped<EvidenceHub.Core.Campaigns.CampaignEdits>();
        services.AddScoped<EvidenceHub.Core.Campaigns.CampaignRerun>();
        services.AddScoped<EvidenceHub.Core.Campaigns.DetectCampaignsJob>();
        services.AddScoped<SubmissionIndexer>();
        services.AddScoped<IndexRepair>();
        services.AddScoped<AutomaticTagger>();
        services.AddScoped<AutomaticTagWriter>();
        services.AddScoped<ApplyThemeRuleJob>();
        services.AddScoped<EvidenceHub.Core.Themes.SubmissionThemeEvaluator>();
        services.AddScoped<EvidenceHub.Api.Themes.ManualTagger>();
    }

    private static JobStorage CreateJobStorage(StorageMode mode, string? connectionString) => mode switch
    {
        StorageMode.SqlServer => new SqlServerStorage(OwnPool(connectionString), new SqlServerStorageOptions
        {
            SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
            QueuePollInterval = TimeSpan.Zero,
            CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
            UseRecommendedIsolationLevel = true,
            DisableGlobalLocks = true,
            PrepareSchemaIfNecessary = true,
        }),
        StorageMode.PostgreSql => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(OwnPool(connectionString), new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions
            {
                QueuePollInterval = TimeSpan.FromMilliseconds(200),
                PrepareSchemaIfNecessary = true,
                // As on SQL Server: a running job's claim is renewed while its worker lives, so the job of a
                // node that died comes back to the queue after minutes, not the default half hour.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
                // Nodes that start together (or before the database answers) try the schema again rather than fail.
                StartupConnectionMaxRetries = 5,
            }),
        _ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) }),
    };

    /// <summary>
    /// The job storage's connections under an application name of their own, so in a pool of their own (and
    /// named as such on the server). Hangfire's client is synchronous: sharing the app's pool, an enqueue
    /// waited on a thread for a connection while a burst of uploads held them all, and the waiting threads
    /// kept those uploads from finishing.
    /// </summary>
    private static string? OwnPool(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var name = builder.TryGetValue("Application Name", out var given) && given is string { Length: > 0 } app ? app : "EvidenceHub";
        builder["Application Name"] = name + " jobs";
        return builder.ConnectionString;
    }

    public static void UseEvidenceHangfireDashboard(this WebApplication app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DisplayStorageConnectionString = false,
        });
}
