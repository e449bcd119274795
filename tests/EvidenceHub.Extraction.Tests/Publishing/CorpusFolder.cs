namespace EvidenceHub.Extraction.Tests.Publishing;

/// <summary>
/// The real documents in shared/corpus beside the work tree (written by others, never copied into the project).
/// Null where this machine has no copy, so a test can be skipped rather than fail.
/// </summary>
internal static class CorpusFolder
{
    public static string? Find(string kind)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus", kind);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
