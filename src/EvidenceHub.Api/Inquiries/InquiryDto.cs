using EvidenceHub.Core.Inquiries;

namespace EvidenceHub.Api.Inquiries;

public sealed record InquiryDto(string Prefix, string Title, string? Description, int SubmissionCount);

public sealed record CreateInquiryRequest(string? Title, string? ReferencePrefix, string? Description);

public static class InquiryMapping
{
    public static InquiryDto AsDto(this Inquiry inquiry, int submissionCount) =>
        new(inquiry.Prefix, inquiry.Title, inquiry.Description, submissionCount);
}
