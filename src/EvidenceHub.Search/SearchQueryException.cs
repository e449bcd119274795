namespace EvidenceHub.Search;

/// <summary>A query a researcher wrote that cannot be run; the message says where and why.</summary>
public class SearchQueryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A search that ran past <see cref="EvidenceSearcher.TimeBudget"/> and was stopped.</summary>
public sealed class SearchTooBroadException(TimeSpan budget) : SearchQueryException(FormattableString.Invariant(
    $"The search was too broad to finish within {budget.TotalSeconds:0.###} seconds; narrow it with more words, a phrase or filters (inquiry, category, dates)."));
