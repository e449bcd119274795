namespace EvidenceHub.Core.Inquiries;

public sealed class Inquiry
{
    public int Id { get; set; }

    /// <summary>3–5 capitals; the inquiry's key in routes and the start of every reference code.</summary>
    public required string Prefix { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The last reference number issued; bumped in the same transaction as the insert.</summary>
    public int LastReferenceNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
