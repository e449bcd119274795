using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace EvidenceHub.Core.Storage;

/// <summary>
/// Originals as files under <c>files/ab/abcdef…</c>. A file is written to a temporary name beside its final
/// one, flushed to the disk and only then renamed into place (atomic on one file system, NFS and SMB
/// included), and callers store it before they commit the row that names it: a crash never leaves a row
/// pointing at a half-written file, and another node never reads one. Every read checks the bytes against
/// their name.
/// </summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public Task PutAsync(string sha256, byte[] content, CancellationToken cancellationToken) =>
        PutManyAsync([(sha256, content)], cancellationToken);

    /// <summary>
    /// Writes every file to its temporary name, makes them durable (several on Linux at once, with one
    /// <c>syncfs</c> of the file system; otherwise a flush of each), then renames them into place: a thousand
    /// small files wait for the disk once, not a thousand times. A copy already there is kept only if it is
    /// intact; a damaged one is replaced by the good bytes.
    /// </summary>
    public async Task PutManyAsync(IReadOnlyCollection<(string Sha256, byte[] Content)> files, CancellationToken cancellationToken)
    {
        var syncAtOnce = OperatingSystem.IsLinux() && files.Count > 1;
        var written = new List<(string Temporary, string Path)>();
        try
        {
            foreach (var (sha256, content) in files.DistinctBy(f => f.Sha256))
            {
                var path = PathOf(sha256);
                if (File.Exists(path) && Matches(await File.ReadAllBytesAsync(path, cancellationToken), sha256))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                written.Add((temporary, path));
                await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await file.WriteAsync(content, cancellationToken);
                if (!syncAtOnce)
                {
                    file.Flush(flushToDisk: true); // on the disk, not only in the OS cache, before the database names it
                }
            }

            if (written.Count > 0 && syncAtOnce)
            {
                SyncFileSystem(written[0].Temporary);
            }

            foreach (var (temporary, path) in written)
            {
                try
                {
                    File.Move(temporary, path, overwrite: true);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // the same bytes arrived twice at once and the other copy is in place (Windows will not replace a file being read)
                }
            }
        }
        finally
        {
            foreach (var (temporary, _) in written)
            {
                File.Delete(temporary); // gone already when the move succeeded
            }
        }
    }

    /// <summary>Flushes every file written on the file system that holds <paramref name="anyFile"/> to the disk.</summary>
    private static void SyncFileSystem(string anyFile)
    {
        using var handle = File.OpenHandle(anyFile, FileMode.Open, FileAccess.Read);
        if (SyncFs((int)handle.DangerousGetHandle()) != 0)
        {
            throw new IOException($"The files could not be flushed to the disk (syncfs failed with error {Marshal.GetLastPInvokeError()}).");
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for one call with two ints
    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static extern int SyncFs(int fileDescriptor);
#pragma warning restore SYSLIB1054

    /// <exception cref="StoredFileDamagedException">The file is missing or its bytes do not hash to <paramref name="sha256"/>.</exception>
    public async Task<byte[]> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(PathOf(sha256), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StoredFileDamagedException(sha256, missing: true, ex);
        }

        return Matches(content, sha256) ? content : throw new StoredFileDamagedException(sha256, missing: false);
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    private static bool Matches(byte[] content, string sha256) => Sha256Of(content).Equals(sha256, StringComparison.OrdinalIgnoreCase);

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
