using EvidenceHub.Api.Access;
using EvidenceHub.Api.Accounts;
using EvidenceHub.Api.Audit;
using EvidenceHub.Api.Campaigns;
using EvidenceHub.Api.Citations;
using EvidenceHub.Api.Drafts;
using EvidenceHub.Api.Hosting;
using EvidenceHub.Api.Inquiries;
using EvidenceHub.Api.Operations;
using EvidenceHub.Api.Quotes;
using EvidenceHub.Api.Search;
using EvidenceHub.Api.Security;
using EvidenceHub.Api.Submissions;
using EvidenceHub.Api.Themes;
using EvidenceHub.Core;

if (CommandLine.TryRunTool(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddEvidenceHubOptions();
builder.Services.AddEvidenceStorage(builder.Configuration);
builder.Services.AddEvidencePipeline(builder.Configuration);
builder.Services.AddEvidenceSearch();
builder.Services.AddEvidenceProblemDetails();
builder.Services.AddEvidenceAuthentication();
builder.Services.AddSharedSigningKeys();
builder.Services.AddEvidenceOpenIdConnect(builder.Configuration);
builder.Services.AddEvidenceAccounts();
builder.Services.AddPublicRateLimit();
builder.Services.AddEvidenceHealthChecks();
builder.Services.AddOpenApi();

var app = builder.Build();
if (await app.TryRunAsync(args))
{
    return;
}

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapEvidenceHealth(); // every role answers it: the load balancer's probe, a worker's liveness

if (app.Serves(ProcessRoles.Web))
{
    app.UseDefaultFiles(); // "/" serves wwwroot/index.html, the search page
    app.UseStaticFiles();
    app.UseRouting();
    app.UseEvidenceAuthentication();
    app.UsePublicRateLimit(); // after sign-in: signed-in staff are not limited
    app.UseEvidenceHangfireDashboard();

    app.MapOpenApi().AllowPublic();
    app.MapAuth();
    app.MapUsers();
    app.MapAudit();
    app.MapInquiries();
    app.MapSubmissions();
    app.MapSearch();
    app.MapQuotes();
    app.MapDrafts();
    app.MapCitationTemplates();
    app.MapThemes();
    app.MapCampaigns();
    app.MapAdmin();
}

await app.InitializeEvidenceHubAsync();
app.Run();

public partial class Program;
