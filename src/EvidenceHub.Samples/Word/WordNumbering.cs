using DocumentFormat.OpenXml.Wordprocessing;

namespace EvidenceHub.Samples.Word;

/// <summary>
/// One multi-level list, "%1." then "%1.%2", used for every numbered paragraph so that Word numbers them
/// itself; <see cref="LevelFor"/> checks that the automatic number equals the label written in the source.
/// </summary>
internal sealed class WordNumbering
{
    public const int NumberingId = 1;
    readonly int[] counters = new int[2];

    public static Numbering Definitions() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.Multilevel },
            Level(0, "%1.", left: 720),
            Level(1, "%1.%2", left: 1440))
        { AbstractNumberId = 1 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = NumberingId });

    /// <summary>The list level for a label such as "3." or "3.2", or null when the label is not of that form.</summary>
    public int? LevelFor(string label)
    {
        var parts = label.TrimEnd('.').Split('.');
        if (parts.Length > 2 || !parts.All(part => part.Length > 0 && part.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var level = parts.Length - 1;
        counters[level]++;
        if (level == 0)
        {
            counters[1] = 0;
        }

        var expected = level == 0 ? $"{counters[0]}" : $"{counters[0]}.{counters[1]}";
        return expected == string.Join('.', parts)
            ? level
            : throw new InvalidDataException($"Paragraph label '{label}' would be numbered {expected} by Word; labels must run in order.");
    }

    static Level Level(int index, string text, int left) => new(
        new StartNumberingValue { Val = 1 },
        new NumberingFormat { Val = NumberFormatValues.Decimal },
        new LevelText { Val = text },
        new LevelJustification { Val = LevelJustificationValues.Left },
        new PreviousParagraphProperties(new Indentation { Left = $"{left}", Hanging = "720" }))
    { LevelIndex = index };
}
