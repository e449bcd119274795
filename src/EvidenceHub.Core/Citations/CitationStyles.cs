using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Citations;

/// <summary>Looks up the citation style of inquiries, by id or by prefix (the default where none is set).</summary>
/// <param name="db">The database the templates are read from.</param>
/// <param name="cache">Where styles by prefix are kept between searches; without one, each look-up reads the database.</param>
public sealed class CitationStyles(EvidenceDbContext db, CitationStyleCache? cache = null)
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

    /// <summary>Styles by inquiry prefix, for search hits (which carry the prefix); with a cache, every inquiry's, from the cache.</summary>
    public async Task<IReadOnlyDictionary<string, CitationStyle>> ForPrefixesAsync(IEnumerable<string> prefixes, CancellationToken cancellationToken)
    {
        if (cache is not null)
        {
            return await cache.ByPrefixAsync(() => db, cancellationToken);
        }

        var wanted = prefixes.Distinct().ToList();
        var rows = await (from t in db.Set<InquiryCitationTemplate>().AsNoTracking()
                          join i in db.Inquiries on t.InquiryId equals i.Id
                          where wanted.Contains(i.Prefix)
                          select new { i.Prefix, Template = t }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Prefix, r => r.Template.AsStyle(), StringComparer.Ordinal);
    }
}
