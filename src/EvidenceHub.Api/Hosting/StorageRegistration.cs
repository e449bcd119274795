using EvidenceHub.Core;
using EvidenceHub.Core.Citations;
using EvidenceHub.Core.Storage;
using EvidenceHub.Search;
using EvidenceHub.Storage;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Hosting;

public static class StorageRegistration
{
    public static void AddEvidenceStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.ReadEvidenceHubOptions();
        services.AddEvidenceDatabase(options, configuration.GetConnectionString("EvidenceHub"));
        services.AddSingleton<IBlobStore>(sp =>
            new FileSystemBlobStore(sp.GetRequiredService<IOptions<EvidenceHubOptions>>().Value.FullFilesDirectory));
    }

    public static void AddEvidenceSearch(this IServiceCollection services)
    {
        services.AddSingleton(sp => PassageIndex.OpenFolder(sp.GetRequiredService<IOptions<EvidenceHubOptions>>().Value.IndexDirectory));
        services.AddSingleton(sp => new EvidenceSearcher(sp.GetRequiredService<PassageIndex>())
        {
            MinPassagesPerSlice = sp.GetRequiredService<IOptions<EvidenceHubOptions>>().Value.SearchSlicePassages,
        });
        services.AddSingleton<CitationStyleCache>();
        services.AddScoped<CitationStyles>();
        services.AddSingleton<ThemeRules>();
        services.AddSingleton<EvidenceHub.Core.Replication.IndexReplica>();
        services.AddHostedService<IndexFollower>();
    }
}
