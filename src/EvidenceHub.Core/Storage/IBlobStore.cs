namespace EvidenceHub.Core.Storage;

/// <summary>Original files, addressed by the SHA-256 of their bytes.</summary>
public interface IBlobStore
{
    Task PutAsync(string sha256, byte[] content, CancellationToken cancellationToken);

    Task<byte[]> GetAsync(string sha256, CancellationToken cancellationToken);

    bool Exists(string sha256);

    /// <summary>Removes the file; nothing happens when there is none. The caller makes sure nothing else uses it.</summary>
    void Delete(string sha256);
}
