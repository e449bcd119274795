using System.ComponentModel.DataAnnotations;
using EvidenceHub.Core.Accounts;

namespace EvidenceHub.Core;

public enum StorageMode
{
    Embedded,
    SqlServer,
    PostgreSql,
}

/// <summary>Where a file is read: in child processes of the server (the default), or on a thread of the server itself.</summary>
public enum ExtractionIsolation
{
    /// <summary>A pool of long-lived child processes, each killed past its time and memory limits.</summary>
    ChildProcess,

    /// <summary>
    /// On a thread of the server, abandoned past the time limit and with no memory limit: for tests that swap the
    /// extractor, and for hosts that cannot start processes.
    /// </summary>
    InProcess,
}

/// <summary>The first administrator, created (or given this password again) at start-up.</summary>
public sealed class AdminOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>The <c>EvidenceHub</c> configuration section, with its defaults.</summary>
public sealed class EvidenceHubOptions : IValidatableObject
{
    public const string Section = "EvidenceHub";

    [Required]
    public string DataDirectory { get; set; } = "./data";

    public StorageMode Storage { get; set; } = StorageMode.Embedded;

    /// <summary>What this process does; a split needs storage other processes can share (SQL Server or PostgreSQL).</summary>
    public ProcessRoles Roles { get; set; } = ProcessRoles.Both;

    public bool LoadSamples { get; set; } = true;

    /// <summary>Where the sample inquiry's source lives; by default the copy shipped beside the app.</summary>
    public string? SamplesDirectory { get; set; }

    /// <summary><c>EvidenceHub:Admin:Email</c> and <c>:Password</c>: the administrator to create or reset at start-up.</summary>
    public AdminOptions Admin { get; set; } = new();

    /// <summary><c>EvidenceHub:OpenIdConnect</c>: sign-in with an organisation's directory; off while its Authority is empty.</summary>
    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();

    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The largest batch ZIP (its files are each still held to <see cref="MaxUploadBytes"/>).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBatchBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// The most the files a batch lists may unpack to, in all, counted as they are unpacked (a ZIP's own
    /// size headers can lie). A larger batch is refused whole, before any file is taken in.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxBatchUnpackedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Requests a minute one address may make while not signed in (static files aside); past it, 429 with
    /// Retry-After. 0 turns the limit off. Signed-in staff are never limited.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int PublicRequestsPerMinute { get; set; } = 300;

    [Range(1, 64)]
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>How long one extraction may run before it fails as "timed out".</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ExtractionTimeout { get; set; } = TimeSpan.FromMinutes(3);

    [Range(1, 100_000)]
    public int MaxPages { get; set; } = 2000;

    public ExtractionIsolation ExtractionIsolation { get; set; } = ExtractionIsolation.ChildProcess;

    /// <summary>How many extraction child processes run at once; unset, one per Hangfire worker.</summary>
    [Range(1, 64)]
    public int? ExtractionProcesses { get; set; }

    /// <summary>
    /// The garbage-collected heap of each extraction child process, in MB; a file that needs more fails "too large".
    /// The child is killed outright if its resident memory passes this by <see cref="ExtractionMemoryMarginMB"/>.
    /// </summary>
    [Range(64, 65_536)]
    public int ExtractionMemoryMB { get; set; } = 512;

    /// <summary>What a child's resident memory may pass its heap limit by (runtime, code, native buffers) before it is killed.</summary>
    public const int ExtractionMemoryMarginMB = 256;

    public int ExtractionProcessCount => ExtractionProcesses ?? Workers;

    /// <summary>How often the reconciler looks for submissions whose job was lost.</summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a web node reads the index change log (its replica lag, when idle, is about this).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReplicaPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long the index change log keeps its rows. A node whose index is older than this builds a new one
    /// from the database when it starts, instead of following the log.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan ChangeLogRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The fewest passages worth a search slice of their own: a search over a larger index is collected
    /// in parallel, in up to one slice per core.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int SearchSlicePassages { get; set; } = 50_000;

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string IndexDirectory => Path.Combine(FullDataDirectory, "index");

    /// <summary>
    /// <c>EvidenceHub:FilesDirectory</c>: the originals, by SHA-256. Every node of a cluster mounts the same
    /// folder. Unset: <c>DataDirectory/files</c>.
    /// </summary>
    public string? FilesDirectory { get; set; }

    /// <summary>
    /// Where the originals are: <see cref="FilesDirectory"/> when set; else <c>DataDirectory/blobs</c> while
    /// that folder exists (where earlier versions kept them, still read and written there); else
    /// <c>DataDirectory/files</c>.
    /// </summary>
    public string FullFilesDirectory =>
        !string.IsNullOrWhiteSpace(FilesDirectory) ? Path.GetFullPath(FilesDirectory)
        : UsesEarlierFilesFolder ? Path.Combine(FullDataDirectory, EarlierFilesFolder)
        : Path.Combine(FullDataDirectory, "files");

    /// <summary>Whether the originals stay in <c>DataDirectory/blobs</c>, where earlier versions kept them.</summary>
    public bool UsesEarlierFilesFolder =>
        string.IsNullOrWhiteSpace(FilesDirectory) && Directory.Exists(Path.Combine(FullDataDirectory, EarlierFilesFolder));

    private const string EarlierFilesFolder = "blobs";

    public string DatabasePath => Path.Combine(FullDataDirectory, "evidencehub.db");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Roles == ProcessRoles.None || (Roles & ~ProcessRoles.Both) != 0)
        {
            yield return new ValidationResult("EvidenceHub:Roles must be web, worker, or both (web,worker).", [nameof(Roles)]);
        }
        else if (Storage == StorageMode.Embedded && Roles != ProcessRoles.Both)
        {
            // The SQLite file and the in-memory job queue belong to one process: a web-only node would
            // queue jobs no worker ever sees, and a worker-only node would process a queue nobody fills.
            yield return new ValidationResult(
                $"EvidenceHub:Roles is '{Roles}', but the embedded storage (a SQLite file and an in-memory job queue) " +
                "cannot be shared between processes. Run web and worker in one process (remove EvidenceHub:Roles), " +
                "or set EvidenceHub:Storage to SqlServer or PostgreSql with ConnectionStrings:EvidenceHub for every node.",
                [nameof(Roles)]);
        }
    }
}
