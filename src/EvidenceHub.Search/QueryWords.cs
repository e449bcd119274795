namespace EvidenceHub.Search;

/// <summary>
/// A word of the raw query text that a spelling suggestion may replace: where it stands, what was typed,
/// and whether it is searched as typed (inside a quoted phrase, on the unstemmed field) or stemmed.
/// </summary>
internal readonly record struct QueryWord(int Start, string Text, bool Exact)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// Finds the words of a query that are plain words of the evidence text, so that a suggestion can
/// change them and leave the rest of the query as the researcher wrote it: operators, brackets,
/// phrases and their slop, field names and what they search (<c>submitter:(…)</c>), prefixes,
/// wildcards, fuzzy terms, boosts, escapes, and words with digits or other marks are never touched,
/// nor is a word the query excludes (<c>-word</c>, <c>NOT word</c>): correcting it could only take hits away.
/// </summary>
internal static class QueryWords
{
    /// <summary>Shorter words are not corrected: at one or two edits from a short word lies half the dictionary.</summary>
    public const int MinLength = 4;

    public static IReadOnlyList<QueryWord> Find(string text)
    {
        var words = new List<QueryWord>();
        var fieldGroups = new Stack<bool>(); // per open bracket: whether it is a field's group, submitter:(a b)
        var fieldPending = false; // the last term was "field:", so the next term, phrase or group is that field's
        var excludePending = false; // the last term was NOT
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var inField = fieldPending || fieldGroups.Contains(true);
            if (c is '(' or ')')
            {
                if (c == '(')
                {
                    fieldGroups.Push(inField);
                }
                else if (fieldGroups.Count > 0)
                {
                    fieldGroups.Pop();
                }

                fieldPending = excludePending = false;
                i++;
                continue;
            }

            if (c == '"')
            {
                var close = QueryText.ClosingQuote(text, i);
                if (!inField && !excludePending && !Excluded(text, i))
                {
                    AddPhraseWords(text, i + 1, close, words);
                }

                fieldPending = excludePending = false;
                i = close + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
            {
                i += text[i] == '\\' ? 2 : 1;
            }

            i = Math.Min(i, text.Length);
            var term = text[start..i];
            if (term.EndsWith(':'))
            {
                fieldPending = true;
                continue;
            }

            if (!inField && !excludePending && term[0] is not ('-' or '!'))
            {
                AddWord(text, start + (term[0] == '+' ? 1 : 0), i, exact: false, words);
            }

            excludePending = term is "NOT" && !inField;
            fieldPending = false;
        }

        return words;
    }

    /// <summary>Whether the phrase opening at <paramref name="quote"/> is excluded by a <c>-</c> or <c>!</c> right before it.</summary>
    private static bool Excluded(string text, int quote) => quote > 0 && text[quote - 1] is '-' or '!';

    private static void AddPhraseWords(string text, int from, int to, List<QueryWord> words)
    {
        var i = from;
        while (i < to)
        {
            while (i < to && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < to && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            // Punctuation at either end belongs to the sentence, not the word ("ownership," or "(pubs)").
            int first = start, last = i;
            while (first < last && !char.IsLetterOrDigit(text[first]))
            {
                first++;
            }

            while (last > first && !char.IsLetterOrDigit(text[last - 1]))
            {
                last--;
            }

            AddWord(text, first, last, exact: true, words);
        }
    }

    private static void AddWord(string text, int start, int end, bool exact, List<QueryWord> words)
    {
        // A full stop or comma typed after a word is the analyzer's to drop; anything else (* ? ~ ^ : \) is syntax.
        while (end > start && text[end - 1] is '.' or ',' or ';')
        {
            end--;
        }

        var word = text[start..end];
        if (word.Length >= MinLength && word.All(char.IsLetter) && word is not ("AND" or "OR" or "NOT"))
        {
            words.Add(new QueryWord(start, word, exact));
        }
    }
}
