using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Tests.Samples;

/// <summary>
/// Evaluates a theme rule in the classic query language (terms, "phrases", "a b"~n, word*, AND/OR/NOT,
/// parentheses; adjacent clauses OR) over plain text without stemming: close enough to check that the
/// sample themes match some sources and not others, without a Lucene index.
/// </summary>
internal sealed partial class ApproximateRuleMatcher
{
    readonly List<string> tokens;
    int position;
    string[] words = [];

    ApproximateRuleMatcher(string rule) => tokens = QueryToken().Matches(rule).Select(match => match.Value).ToList();

    public static bool Matches(string rule, string text)
    {
        var matcher = new ApproximateRuleMatcher(rule) { words = Words(text) };
        var result = matcher.Or();
        return matcher.position == matcher.tokens.Count
            ? result
            : throw new FormatException($"Could not read the rule after '{string.Join(' ', matcher.tokens.Take(matcher.position))}'.");
    }

    bool Or()
    {
        var result = And();
        while (position < tokens.Count && tokens[position] != ")")
        {
            if (tokens[position] == "OR")
            {
                position++;
            }

            result |= And();
        }
        return result;
    }

    bool And()
    {
        var result = Unary();
        while (position < tokens.Count && tokens[position] is "AND" or "NOT")
        {
            var negate = tokens[position++] == "NOT";
            var next = Unary();
            result = negate ? result && !next : result && next;
        }
        return result;
    }

    bool Unary()
    {
        var token = tokens[position++];
        if (token == "NOT")
        {
            return !Unary();
        }

        if (token == "(")
        {
            var inner = Or();
            position++;
            return inner;
        }
        if (token.StartsWith('"'))
        {
            var slop = 0;
            if (position < tokens.Count && tokens[position].StartsWith('~'))
            {
                slop = int.Parse(tokens[position++][1..]);
            }

            return Phrase(Words(token.Trim('"')), slop);
        }
        var term = token.ToLowerInvariant();
        return term.EndsWith('*') ? words.Any(word => word.StartsWith(term[..^1], StringComparison.Ordinal)) : words.Contains(term);
    }

    bool Phrase(string[] phrase, int slop)
    {
        var window = phrase.Length + slop;
        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            if (slop == 0)
            {
                if (phrase.Select((word, i) => words[start + i] == word).All(same => same))
                {
                    return true;
                }
            }
            else if (words[start] == phrase[0] && phrase.Skip(1).All(word => words.Skip(start).Take(window).Contains(word)))
            {
                return true;
            }
        }
        return false;
    }

    static string[] Words(string text) =>
        NonWord().Split(text.ToLowerInvariant()).Where(word => word.Length > 0).ToArray();

    [GeneratedRegex("\"[^\"]*\"|~\\d+|[()]|[^\\s()\"~]+")]
    private static partial Regex QueryToken();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
