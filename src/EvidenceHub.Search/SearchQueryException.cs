namespace EvidenceHub.Search;

/// <summary>A query a researcher wrote that cannot be run; the message says where and why.</summary>
public sealed class SearchQueryException(string message, Exception? inner = null) : Exception(message, inner);
