using System.IO.Compression;
using EvidenceHub.Core.Accounts;
using Microsoft.Extensions.Options;

namespace EvidenceHub.Core.Submissions.Batch;

/// <summary>
/// Takes a ZIP of documents with a manifest.csv at its root and puts every listed file through the
/// ordinary intake's checks, a chunk at a time (<see cref="SubmissionIntake.AcceptManyAsync"/>): one file's problem never harms another. Entries are read in memory by
/// name and never written out, so no path in the ZIP can leave it. A batch too large to take whole (too
/// many files, or files that unpack to more than <see cref="EvidenceHubOptions.MaxBatchUnpackedBytes"/>)
/// is refused before any of it is taken in.
/// </summary>
public sealed class SubmissionBatchIntake(SubmissionIntake intake, IOptions<EvidenceHubOptions> options)
{
    private const int MaxEntries = 2000;

    /// <param name="prefix">The inquiry.</param>
    /// <param name="zipFile">The ZIP, seekable (a batch can be hundreds of MB, so it is not held in memory).</param>
    /// <param name="actor">Who uploads it: each accepted file is audited as theirs.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    public async Task<BatchResult> AcceptAsync(string prefix, Stream zipFile, Actor actor, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(zipFile, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return new BatchResult.Refused(IntakeRefusal.UnsupportedType, "A batch must be a ZIP file holding the documents and a manifest.csv.");
        }

        using (zip)
        {
            if (zip.Entries.Count > MaxEntries)
            {
                return new BatchResult.Refused(IntakeRefusal.TooLarge, $"The ZIP holds {zip.Entries.Count} entries; a batch takes at most {MaxEntries}.");
            }

            var manifestEntry = zip.Entries.FirstOrDefault(e => e.FullName.Equals("manifest.csv", StringComparison.OrdinalIgnoreCase));
            if (manifestEntry is null)
            {
                return new BatchResult.Refused(IntakeRefusal.Empty, "The ZIP has no manifest.csv at its root (columns: " + string.Join(",", BatchManifest.Columns) + ").");
            }

            var (rows, problem) = await ReadManifestAsync(manifestEntry, cancellationToken);
            if (problem is not null)
            {
                return new BatchResult.Refused(IntakeRefusal.Empty, problem);
            }

            if (await TooLargeAsync(zip, rows, cancellationToken) is { } tooLarge)
            {
                return new BatchResult.Refused(IntakeRefusal.TooLarge, tooLarge);
            }

            var byName = zip.Entries.GroupBy(e => e.FullName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var results = new List<BatchRowResult>();
            // Read and taken in a chunk at a time: the files of one chunk are in memory together, never the whole batch.
            foreach (var chunk in rows.Chunk(SubmissionIntake.BatchChunk))
            {
                var read = new List<(ManifestRow Row, NewSubmission? Upload, BatchRowResult? Rejected)>();
                foreach (var row in chunk)
                {
                    read.Add(await ReadRowAsync(byName, row, cancellationToken));
                }

                var uploads = read.Where(r => r.Upload is not null).ToList();
                var taken = await intake.AcceptManyAsync(prefix, uploads.Select(r => (r.Upload!, (string?)$"batch row {r.Row.Line}")).ToList(), actor, cancellationToken);
                var outcomes = uploads.Zip(taken).ToDictionary(p => p.First.Row, p => Outcome(p.First.Row, p.Second));
                results.AddRange(read.Select(r => r.Rejected ?? outcomes[r.Row]));
            }

            var listed = rows.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
            results.AddRange(zip.Entries
                .Where(e => !IsFolderOrSystem(e) && e != manifestEntry && !listed.Contains(e.FullName))
                .Select(e => new BatchRowResult(e.FullName, BatchOutcome.Rejected, Reason: "Not listed in manifest.csv, so nothing is known of its submitter; add a row for it.")));
            return new BatchResult.Processed(results);
        }
    }

    private static async Task<(IReadOnlyList<ManifestRow> Rows, string? Problem)> ReadManifestAsync(ZipArchiveEntry manifest, CancellationToken cancellationToken)
    {
        try
        {
            return BatchManifest.Read(System.Text.Encoding.UTF8.GetString(await ReadLimitedAsync(manifest, 5 * 1024 * 1024, cancellationToken) ?? []));
        }
        catch (InvalidDataException)
        {
            return ([], "manifest.csv could not be unpacked: the ZIP is damaged there. Make the ZIP again.");
        }
    }

    /// <summary>Why the batch cannot be taken whole, if it cannot: checked before any file is taken in.</summary>
    private async Task<string?> TooLargeAsync(ZipArchive zip, IReadOnlyList<ManifestRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > MaxEntries)
        {
            return $"manifest.csv has {rows.Count} rows; a batch takes at most {MaxEntries} files.";
        }

        var byName = zip.Entries.GroupBy(e => e.FullName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var listed = rows.Select(r => byName.GetValueOrDefault(r.File)).OfType<ZipArchiveEntry>().ToList();
        return await BatchUnpackedSize.ProblemAsync(listed, options.Value.MaxUploadBytes, options.Value.MaxBatchUnpackedBytes, cancellationToken);
    }

    /// <summary>A row's file and submitter, read and checked; or why the row is rejected.</summary>
    private async Task<(ManifestRow Row, NewSubmission? Upload, BatchRowResult? Rejected)> ReadRowAsync(
        IReadOnlyDictionary<string, ZipArchiveEntry> entries, ManifestRow row, CancellationToken cancellationToken)
    {
        if (row.File.Length == 0)
        {
            return (row, null, Rejected(row, $"Row {row.Line} of manifest.csv names no file."));
        }

        if (!entries.TryGetValue(row.File, out var entry))
        {
            return (row, null, Rejected(row, $"manifest.csv row {row.Line} names '{row.File}', which is not in the ZIP."));
        }

        if (ParseRow(row, out var problem) is not { } metadata)
        {
            return (row, null, Rejected(row, problem!));
        }

        var limit = options.Value.MaxUploadBytes;
        byte[]? content;
        try
        {
            content = await ReadLimitedAsync(entry, limit, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (row, null, Rejected(row, $"'{row.File}' could not be unpacked: the ZIP is damaged there. Make the ZIP again, or upload this file on its own."));
        }

        if (content is null)
        {
            return (row, null, Rejected(row, $"'{row.File}' is larger than the largest file accepted ({limit / 1024.0 / 1024.0:0.#} MB)."));
        }

        return (row, metadata with { FileName = Path.GetFileName(row.File), Content = content }, null);
    }

    private static BatchRowResult Outcome(ManifestRow row, IntakeResult result) => result switch
    {
        IntakeResult.Accepted a => new BatchRowResult(row.File, BatchOutcome.Accepted, Reference: a.Submission.Reference),
        IntakeResult.Duplicate d => new BatchRowResult(row.File, BatchOutcome.Duplicate, ExistingReference: d.ExistingReference,
            Reason: $"The same file is already in this inquiry as {d.ExistingReference}."),
        IntakeResult.Refused r => Rejected(row, r.Detail),
        _ => Rejected(row, "The file could not be taken in."),
    };

    private static NewSubmission? ParseRow(ManifestRow row, out string? problem)
    {
        var metadata = SubmitterFields.Read(name => name == "password" ? null : row[name], out var reason);
        problem = reason is null ? null : $"Row {row.Line}: {reason}";
        return metadata;
    }

    /// <summary>Reads an entry but stops past <paramref name="limit"/> bytes, whatever size the ZIP declares.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(ZipArchiveEntry entry, long limit, CancellationToken cancellationToken)
    {
        if (entry.Length > limit)
        {
            return null;
        }

        await using var stream = await entry.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsFolderOrSystem(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith('/') || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) || entry.Name.StartsWith('.');

    private static BatchRowResult Rejected(ManifestRow row, string reason) => new(row.File, BatchOutcome.Rejected, Reason: reason);
}
