using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceHub.Api.Hosting;

/// <summary>Problem details for expected outcomes, with titles a clerk can act on.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, "Not found", $"{what} does not exist.");

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        Of(StatusCodes.Status400BadRequest, title, detail);
}
