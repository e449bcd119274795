using EvidenceHub.Samples;

namespace EvidenceHub.Extraction.Tests.Samples;

internal static class SampleFolder
{
    static readonly Lazy<SampleInquiry> Lbn = new(() => SampleInquiry.Load(Find("lbn")));

    public static SampleInquiry LoadLbn() => Lbn.Value;

    static string Find(string inquiry)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", inquiry);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No samples/{inquiry} folder above {AppContext.BaseDirectory}.");
    }
}
