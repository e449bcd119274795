using System.Text;

namespace EvidenceHub.Search;

/// <summary>
/// What the search language does with raw query text before Lucene's classic parser reads it. Quoted
/// phrases and escaped characters (<c>\(</c>) are left alone throughout.
/// </summary>
internal static class QueryText
{
    /// <summary>How deep round brackets nest, outside quotes.</summary>
    public static int BracketDepth(string text)
    {
        int depth = 0, deepest = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '"':
                    i = ClosingQuote(text, i);
                    break;
                case '(':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')':
                    depth--;
                    break;
            }
        }

        return deepest;
    }

    /// <summary>
    /// Escapes every slash that does not open a <c>/regular expression/</c>. The classic parser reads any
    /// slash outside a word as the start of one, so <c>24/7</c> or <c>and/or</c> was a regular expression
    /// or, with no closing slash, a syntax error. Now a slash inside a word, or one that is never closed,
    /// is plain text (the analyzer splits the words at it); only a slash that starts a term and is closed
    /// later still reaches the parser as a regular expression, which it refuses with its own message.
    /// </summary>
    public static string EscapeSlashes(string text)
    {
        if (!text.Contains('/', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8);
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                result.Append(text.AsSpan(i, Math.Min(2, text.Length - i)));
                i++;
                inWord = true;
            }
            else if (c == '"')
            {
                var end = ClosingQuote(text, i);
                result.Append(text.AsSpan(i, end - i + 1));
                i = end;
                inWord = false;
            }
            else if (c == '/')
            {
                var close = inWord ? -1 : ClosingSlash(text, i);
                if (close < 0)
                {
                    result.Append(@"\/");
                    inWord = true;
                }
                else
                {
                    result.Append(text.AsSpan(i, close - i + 1));
                    i = close;
                    inWord = false;
                }
            }
            else
            {
                result.Append(c);
                inWord = c switch
                {
                    '-' or '+' or '*' or '?' => inWord, // inside a word these are part of it (covid-19/flu)
                    _ => !char.IsWhiteSpace(c) && "()[]{}:^~!\"".IndexOf(c, StringComparison.Ordinal) < 0,
                };
            }
        }

        return result.ToString();
    }

    /// <summary>The index of the quote that closes the phrase opened at <paramref name="open"/>, or the last index.</summary>
    public static int ClosingQuote(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    /// <summary>The index of the slash that closes a regular expression opened at <paramref name="open"/>, or -1.</summary>
    private static int ClosingSlash(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '/')
            {
                return i;
            }
        }

        return -1;
    }
}
