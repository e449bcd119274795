namespace EvidenceHub.Api.Hosting;

/// <summary>
/// Command-line verbs beside serving: <c>reindex</c> rebuilds this node's index from the database (beside the old one, swapped in when complete);
/// <c>corpus-check DIR</c> runs extraction over a folder and prints a table; <c>generate-samples DIR</c>
/// writes the sample inquiry's files; <c>users add|token|list</c> manages who signs in (<see cref="EvidenceHub.Api.Accounts.UserCommands"/>);
/// <c>extract</c> is the server's own extraction child process, not for people (<see cref="EvidenceHub.Core.Pipeline.ExtractionProcessPool"/>).
/// </summary>
public static class CommandLine
{
    public static bool TryRunTool(string[] args)
    {
        switch (args)
        {
            case ["corpus-check", var folder]:
                EvidenceHub.Extraction.CorpusCheck.Run(folder, Console.Out);
                return true;
            case ["generate-samples", var output]:
                GenerateSamples(output);
                return true;
            case ["extract", .. var flags]:
                Environment.ExitCode = ServeExtraction(testHooks: flags.Contains("--test-hooks"));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Standard output carries the answers to the server; anything else written to it would break them, so it goes to standard error.</summary>
    private static int ServeExtraction(bool testHooks)
    {
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        return EvidenceHub.Extraction.Isolation.ExtractionChild.Serve(input, output, new EvidenceHub.Extraction.DocumentExtractor(), testHooks, exitWhenInputCloses: true);
    }

    /// <summary>Writes the sample inquiry's files (PDF, Word, text) as the loader renders them.</summary>
    private static void GenerateSamples(string output)
    {
        var sample = EvidenceHub.Samples.SampleInquiry.Load(EvidenceHub.Api.Samples.SampleInquiryLoader.DefaultFolder);
        Directory.CreateDirectory(output);
        foreach (var submission in sample.Submissions)
        {
            var bytes = EvidenceHub.Samples.SampleDocumentRenderer.Render(submission, sample.ReadSource(submission));
            File.WriteAllBytes(Path.Combine(output, submission.File), bytes);
        }

        File.Copy(Path.Combine(sample.Folder, "manifest.csv"), Path.Combine(output, "manifest.csv"), overwrite: true);
        Console.WriteLine($"Wrote {sample.Submissions.Count} files and manifest.csv to {Path.GetFullPath(output)}");
    }

    public static async Task<bool> TryRunAsync(this WebApplication app, string[] args)
    {
        if (args is ["users", ..])
        {
            await app.InitializeEvidenceHubAsync();
            await using var users = app.Services.CreateAsyncScope();
            Environment.ExitCode = await EvidenceHub.Api.Accounts.UserCommands.RunAsync(users.ServiceProvider, args, Console.Out, CancellationToken.None);
            return true;
        }

        if (args.Length == 0 || args[0] != "reindex")
        {
            return false;
        }

        await app.InitializeEvidenceHubAsync();
        await app.Services.GetRequiredService<EvidenceHub.Core.Replication.IndexReplica>().RebuildAsync();
        var index = app.Services.GetRequiredService<EvidenceHub.Search.PassageIndex>();
        Console.WriteLine($"Reindexed: the index now holds {index.PassageCount} passages.");
        return true;
    }
}
