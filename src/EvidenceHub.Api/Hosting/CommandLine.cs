using EvidenceHub.Core.Pipeline;

namespace EvidenceHub.Api.Hosting;

/// <summary>
/// Command-line verbs beside serving: <c>reindex</c> rebuilds the index from the database;
/// <c>corpus-check DIR</c> runs extraction over a folder and prints a table.
/// </summary>
public static class CommandLine
{
    public static bool TryRunTool(string[] args)
    {
        if (args.Length != 2 || args[0] != "corpus-check")
        {
            return false;
        }

        EvidenceHub.Extraction.CorpusCheck.Run(args[1], Console.Out);
        return true;
    }

    public static async Task<bool> TryRunAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "reindex")
        {
            return false;
        }

        await app.InitializeEvidenceHubAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReindexJob>().RunAsync(CancellationToken.None);
        var index = app.Services.GetRequiredService<EvidenceHub.Search.PassageIndex>();
        Console.WriteLine($"Reindexed: the index now holds {index.PassageCount} passages.");
        return true;
    }
}
