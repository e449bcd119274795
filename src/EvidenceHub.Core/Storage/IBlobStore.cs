namespace EvidenceHub.Core.Storage;

/// <summary>Original files, addressed by the SHA-256 of their bytes.</summary>
public interface IBlobStore
{
    Task PutAsync(string sha256, byte[] content, CancellationToken cancellationToken);

    Task<byte[]> GetAsync(string sha256, CancellationToken cancellationToken);

    bool Exists(string sha256);
}
