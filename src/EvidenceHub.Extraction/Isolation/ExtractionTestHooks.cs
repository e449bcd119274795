using System.Runtime.InteropServices;

namespace EvidenceHub.Extraction.Isolation;

/// <summary>
/// Misbehaviour on demand, for tests of the server's side. The child runs these only when started with
/// <c>--test-hooks</c>, which the server never passes by itself. A file containing <c>evidencehub-test-hook:exit</c>
/// makes the child exit at once, <c>:hang</c> makes it never answer, and <c>:hog</c> makes it take memory outside
/// the garbage-collected heap (up to 2 GB) — as a crashing, looping or natively greedy parser would.
/// </summary>
internal static class ExtractionTestHooks
{
    public static void Apply(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf("evidencehub-test-hook:exit"u8) >= 0)
        {
            Environment.Exit(70);
        }

        if (content.IndexOf("evidencehub-test-hook:hang"u8) >= 0)
        {
            Console.Error.WriteLine("test hook: hanging");
            Thread.Sleep(Timeout.Infinite);
        }

        if (content.IndexOf("evidencehub-test-hook:hog"u8) >= 0)
        {
            var block = new byte[16 * 1024 * 1024];
            Array.Fill(block, (byte)1);
            for (var taken = 0; taken < 128; taken++)
            {
                // Copied in, so the pages are really resident, not only reserved.
                Marshal.Copy(block, 0, Marshal.AllocHGlobal(block.Length), block.Length);
                Thread.Sleep(10);
            }

            Thread.Sleep(Timeout.Infinite);
        }
    }
}
