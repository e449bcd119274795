using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Transcripts;

/// <summary>
/// A speaker's name as printed, normalised so one person is one speaker: a label printed in capitals
/// (<c>LADY HALLETT</c>, <c>MR O'CONNOR</c>) is put in the case the same name has in running text
/// (<c>Lady Hallett</c>, <c>Mr O'Connor</c>); post-nominals stay in capitals (<c>KC</c>).
/// </summary>
public static partial class SpeakerName
{
    private static readonly HashSet<string> PostNominals = new(StringComparer.Ordinal)
    {
        "KC", "QC", "MP", "MSP", "MLA", "MBE", "OBE", "CBE", "KBE", "DBE", "CB", "KCB", "CMG", "FRS", "FRSE", "FREng",
        "FMedSci", "JP", "DL", "PhD", "II", "III", "IV", "NHS", "UK", "KCMG", "GCB",
    };

    [GeneratedRegex(@"\s+(?:KC|QC)$", RegexOptions.CultureInvariant)]
    private static partial Regex CounselSuffix();

    public static string Normalise(string printed)
    {
        var name = TextNormalizer.Clean(printed).Trim(' ', '.', ',', ':');
        if (name.Any(char.IsLower) || !name.Any(char.IsLetter))
        {
            return name;
        }

        return string.Join(' ', name.Split(' ').Select(TitleCaseWord));
    }

    /// <summary>A name taken from a heading ("Examination by MR KEITH KC") as its turns print it ("Mr Keith").</summary>
    public static string FromHeading(string printed) => CounselSuffix().Replace(Normalise(printed), string.Empty);

    /// <summary>The surname: the last word that is not a post-nominal.</summary>
    public static string Surname(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = words.Length - 1; i >= 0; i--)
        {
            if (!PostNominals.Contains(words[i].ToUpperInvariant()) && !PostNominals.Contains(words[i]))
            {
                return words[i].Trim(',', '.');
            }
        }

        return name;
    }

    private static string TitleCaseWord(string word)
    {
        if (PostNominals.Contains(word) || word.Length <= 1)
        {
            return word;
        }

        var lower = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word.ToLowerInvariant());
        var chars = lower.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
        {
            // O'Connor, D'Arcy, McCarthy
            if ((chars[i - 1] is '\'' or '’' && i == 2) || (i == 2 && chars[0] == 'M' && chars[1] == 'c'))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }
}
