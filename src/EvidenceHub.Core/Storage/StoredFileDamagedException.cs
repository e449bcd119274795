namespace EvidenceHub.Core.Storage;

/// <summary>
/// A stored original is missing, or its bytes no longer hash to the SHA-256 it is stored under (a failing
/// disk, a half-restored backup, someone editing the files folder). The bytes are never handed on.
/// </summary>
public sealed class StoredFileDamagedException(string sha256, bool missing, Exception? inner = null)
    : IOException(missing ? $"The stored file {sha256} is missing." : $"The stored file {sha256} does not match its SHA-256.", inner)
{
    public string Sha256 { get; } = sha256;

    public bool Missing { get; } = missing;
}
