namespace EvidenceHub.Extraction;

public enum DocumentType
{
    Pdf,
    Docx,
    Text,
}
