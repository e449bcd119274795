using EvidenceHub.Extraction;

namespace EvidenceHub.Core.Pipeline;

/// <summary>The plain reasons a file fails for when reading it breaks a limit or breaks the reader, in words a clerk can act on.</summary>
internal static class ExtractionFailures
{
    public static ExtractionFailedException TimedOut(TimeSpan limit, Exception? inner = null) => new(ExtractionFailureKind.TimedOut,
        $"Reading the file took longer than the limit of {Describe(limit)}; it may be damaged or unusually complex.", inner);

    public static ExtractionFailedException OutOfMemory(int limitMB) => new(ExtractionFailureKind.TooLarge,
        $"Reading the file needed more than the {limitMB} MB of memory one file may use, so it was stopped: it is too large "
        + "or too complex (a compressed part of it may unpack to far more than the file itself). Ask the submitter for a "
        + "simpler copy, for example the document saved again as PDF, or split into parts.");

    public static ExtractionFailedException ReaderStopped() => new(ExtractionFailureKind.CorruptFile,
        "The reader stopped abruptly on this file, and again on a second try: the file is probably damaged, or built in a "
        + "way the reader cannot handle. Ask the submitter for another copy, for example the document saved again as PDF.");

    public static ExtractionFailedException Unforeseen(Exception inner) => new(ExtractionFailureKind.CorruptFile,
        "The file could not be read: it may be damaged, or built in a way the reader does not support.", inner);

    private static string Describe(TimeSpan limit) =>
        limit.TotalMinutes >= 1 ? $"{limit.TotalMinutes:0.#} minutes" : $"{limit.TotalSeconds:0} seconds";
}
