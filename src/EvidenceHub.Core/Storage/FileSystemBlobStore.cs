using System.Security.Cryptography;

namespace EvidenceHub.Core.Storage;

/// <summary>Blobs as files under <c>blobs/ab/abcdef…</c>; written to a temporary name, then moved into place.</summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public async Task PutAsync(string sha256, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // the same bytes arrived twice at once
        }
    }

    public Task<byte[]> GetAsync(string sha256, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(PathOf(sha256), cancellationToken);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public void Delete(string sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256);
    }
}
