namespace EvidenceHub.Core.Storage;

/// <summary>Original files, addressed by the SHA-256 of their bytes.</summary>
public interface IBlobStore
{
    /// <summary>Returns once the bytes are durably stored, so the caller may then commit the row that names them.</summary>
    Task PutAsync(string sha256, byte[] content, CancellationToken cancellationToken);

    /// <summary>Stores many files with one wait for the disk rather than one each (a batch's rows); returns once all are durable.</summary>
    Task PutManyAsync(IReadOnlyCollection<(string Sha256, byte[] Content)> files, CancellationToken cancellationToken);

    /// <summary>The bytes, checked against <paramref name="sha256"/>; <see cref="StoredFileDamagedException"/> if they are missing or do not match.</summary>
    Task<byte[]> GetAsync(string sha256, CancellationToken cancellationToken);

    bool Exists(string sha256);

    /// <summary>Removes the file; nothing happens when there is none. The caller makes sure nothing else uses it.</summary>
    void Delete(string sha256);
}
