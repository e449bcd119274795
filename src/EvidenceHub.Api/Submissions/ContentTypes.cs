using EvidenceHub.Extraction;

namespace EvidenceHub.Api.Submissions;

public static class ContentTypes
{
    public static string Of(DocumentType type) => type switch
    {
        DocumentType.Pdf => "application/pdf",
        DocumentType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/plain; charset=utf-8",
    };

    public static string Extension(DocumentType type) => type switch
    {
        DocumentType.Pdf => ".pdf",
        DocumentType.Docx => ".docx",
        _ => ".txt",
    };
}
