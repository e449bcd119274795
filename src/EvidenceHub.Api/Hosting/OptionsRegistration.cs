using EvidenceHub.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Api.Hosting;

public static class OptionsRegistration
{
    /// <summary>Binds the EvidenceHub section (validated at start) and sizes request limits to the upload limit.</summary>
    public static void AddEvidenceHubOptions(this WebApplicationBuilder builder)
    {
        ReadSettingsBesideTheProgram(builder);
        builder.Services.AddOptions<EvidenceHubOptions>()
            .BindConfiguration(EvidenceHubOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);

        // Leave room above the file limit for the form's other fields, so an oversize file reaches our
        // own check and gets a 413 that names the limit.
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<EvidenceHubOptions>>((form, options) =>
            form.MultipartBodyLengthLimit = options.Value.MaxUploadBytes + RequestSlack);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var max = context.Configuration.GetValue<long?>("EvidenceHub:MaxUploadBytes") ?? new EvidenceHubOptions().MaxUploadBytes;
            kestrel.Limits.MaxRequestBodySize = max + RequestSlack;
        });
    }

    /// <summary>
    /// Started from another folder (<c>dotnet /srv/evidencehub/EvidenceHub.Api.dll</c>), the content root has no
    /// appsettings.json, and every default in it was lost: among them the log levels, so each SQL statement
    /// was logged (45 lines per submission ingested). The copy beside the program is read instead, below every
    /// other source, so the environment and the command line still override it.
    /// </summary>
    private static void ReadSettingsBesideTheProgram(WebApplicationBuilder builder)
    {
        const string name = "appsettings.json";
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, name)) || !File.Exists(Path.Combine(AppContext.BaseDirectory, name)))
        {
            return;
        }

        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = name,
            Optional = true,
            ReloadOnChange = false,
        });
    }

    /// <summary>Room in a request above the file it carries, for the rest of the form.</summary>
    public const long RequestSlack = 1024 * 1024;

    public static EvidenceHubOptions ReadEvidenceHubOptions(this IConfiguration configuration)
    {
        var options = new EvidenceHubOptions();
        configuration.GetSection(EvidenceHubOptions.Section).Bind(options);
        return options;
    }
}
