using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Citations;

/// <summary>Looks up the citation style of inquiries by id (the default where none is set).</summary>
/// <param name="db">The database the templates are read from.</param>
/// <remarks>Styles by prefix, for search hits, come from the node's <see cref="CitationStyleCache"/>.</remarks>
public sealed class CitationStyles(EvidenceDbContext db)
{
    public async Task<CitationStyle> ForInquiryAsync(int inquiryId, CancellationToken cancellationToken) =>
        (await db.Set<InquiryCitationTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.InquiryId == inquiryId, cancellationToken))?.AsStyle()
        ?? CitationStyle.Default;

    public async Task<IReadOnlyDictionary<int, CitationStyle>> ForInquiriesAsync(IEnumerable<int> inquiryIds, CancellationToken cancellationToken)
    {
        var ids = inquiryIds.Distinct().ToList();
        var rows = await db.Set<InquiryCitationTemplate>().AsNoTracking().Where(t => ids.Contains(t.InquiryId)).ToListAsync(cancellationToken);
        return rows.ToDictionary(t => t.InquiryId, t => t.AsStyle());
    }
}
