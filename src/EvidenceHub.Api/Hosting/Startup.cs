using EvidenceHub.Core;
using EvidenceHub.Core.Storage;
using EvidenceHub.Storage;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Hosting;

public static class Startup
{
    /// <summary>Creates the data folders and the database schema, the key that signs cookies, and makes sure an administrator can sign in, before the host starts serving.</summary>
    public static async Task InitializeEvidenceHubAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EvidenceHubOptions>>().Value;
        Directory.CreateDirectory(options.FullDataDirectory);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvidenceDbContext>();
        await DatabaseInitializer.InitializeAsync(db, CancellationToken.None);
        await EvidenceHub.Api.Access.SharedSigningKeys.EnsureSharedSigningKeyAsync(app.Services, db, CancellationToken.None);
        await EvidenceHub.Api.Accounts.FirstAdministrator.EnsureAsync(scope.ServiceProvider, options.Admin, Console.Out, CancellationToken.None);
        app.Logger.LogInformation("EvidenceHub data in {DataDirectory} ({Storage} storage), originals in {FilesDirectory}; roles: {Roles}",
            options.FullDataDirectory, options.Storage, options.FullFilesDirectory, options.Roles);
        if (options.UsesEarlierFilesFolder)
        {
            app.Logger.LogInformation(
                "The originals stay in {FilesDirectory}, where an earlier version put them; set EvidenceHub:FilesDirectory to keep them elsewhere (move the folder with it)",
                options.FullFilesDirectory);
        }
    }
}
