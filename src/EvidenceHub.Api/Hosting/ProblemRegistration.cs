using EvidenceHub.Core.Storage;
using EvidenceHub.Search;
using Microsoft.AspNetCore.Diagnostics;

namespace EvidenceHub.Api.Hosting;

public static class ProblemRegistration
{
    public static void AddEvidenceProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.Remove("exception");
            // The bodies of the 401s and 403s that authorization answers without one.
            if (context.ProblemDetails.Detail is null && context.ProblemDetails.Status == StatusCodes.Status401Unauthorized)
            {
                context.ProblemDetails.Title = "Sign in first";
                context.ProblemDetails.Detail = "This is for inquiry staff: sign in at /signin, or send Authorization: Bearer with a token from POST /api/auth/token.";
            }
            else if (context.ProblemDetails.Detail is null && context.ProblemDetails.Status == StatusCodes.Status403Forbidden)
            {
                context.ProblemDetails.Title = "Your account does not have the role this needs";
                context.ProblemDetails.Detail = "This needs a role you do not hold in this inquiry (clerk, researcher or author) or an administrator; an administrator can grant it.";
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
    }
}

/// <summary>
/// Turns exceptions into problem details a clerk can act on: a user's mistake gets its 4xx with the
/// reason; anything else a 500 that says only that it was our fault (the log has the rest).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            SearchQueryException e => (StatusCodes.Status400BadRequest, "The search query is not valid", e.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "The upload is too large", "The request is larger than the upload limit."),
            InvalidDataException e when e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) =>
                (StatusCodes.Status413PayloadTooLarge, "The upload is too large", "The file is larger than the upload limit."),
            BadHttpRequestException e => (e.StatusCode, "The request could not be read", e.Message),
            StoredFileDamagedException { Missing: true } => (StatusCodes.Status500InternalServerError, "The stored file is missing",
                "The original file is not in the files folder, so it cannot be served. This has been logged; an administrator can restore it from backup."),
            StoredFileDamagedException => (StatusCodes.Status500InternalServerError, "The stored file is damaged",
                "The stored copy of the original file no longer matches the fingerprint taken when it arrived, so it was not served. "
                + "This has been logged; an administrator can restore it from backup."),
            System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "The request body is not valid JSON", "Check the JSON sent with the request."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "Request cancelled", "The client went away."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side",
                "The request could not be completed. It has been logged; try again, and tell the administrator if it keeps happening."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
