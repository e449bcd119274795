namespace EvidenceHub.Extraction.Publishing;

/// <summary>
/// Thrown when a file cannot be rewritten without its author details. The caller answers a problem; it must
/// not fall back to serving the original. The message is in plain words.
/// </summary>
public sealed class PublicCopyException(string message, Exception? inner = null) : Exception(message, inner);
