using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using PdfWord = UglyToad.PdfPig.Content.Word;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Builds words from horizontal letters in O(n log n) with the rule of PdfPig's nearest-neighbour extractor: a letter
/// joins the letter nearest to the end of its baseline (Manhattan distance to that letter's baseline start) when the
/// distance is under 20% of the larger width, glyph width or point size of the two, and never across white space.
/// Letters are sorted into rows by baseline and each row by x, so the nearest letter is almost always the next one
/// in the row; a second pass joins a word's end to a word starting on another baseline (a superscript "th", a raised
/// footnote marker) when that start is nearer than anything in its own row. The nearest-neighbour extractor searched
/// every letter's neighbours in a tree and was half of a page's time. Letters in any other orientation (rotated
/// pages, vertical labels) still go to the nearest-neighbour extractor.
/// </summary>
internal static class BaselineWords
{
    private static readonly NearestNeighbourWordExtractor Others = new(
        new NearestNeighbourWordExtractor.NearestNeighbourWordExtractorOptions { MaxDegreeOfParallelism = 1 });

    public static List<PdfWord> Build(IReadOnlyList<Letter> letters)
    {
        var horizontal = new List<Letter>(letters.Count);
        List<Letter>? others = null;
        foreach (var letter in letters)
        {
            if (letter.TextOrientation == TextOrientation.Horizontal)
            {
                horizontal.Add(letter);
            }
            else
            {
                (others ??= []).Add(letter);
            }
        }

        var words = new List<PdfWord>();
        if (horizontal.Count > 0)
        {
            BuildHorizontal(horizontal, words);
        }

        if (others is { Count: > 0 })
        {
            words.AddRange(Others.GetWords(others).Where(w => !string.IsNullOrWhiteSpace(w.Text)));
        }

        return words;
    }

    private sealed class Piece(List<Letter> letters, double nextInRow)
    {
        public List<Letter> Letters { get; } = letters;

        /// <summary>Distance from the last letter's end to the next letter of its row (white space included).</summary>
        public double NextInRow { get; } = nextInRow;

        public int Parent { get; set; } = -1;
    }

    private static void BuildHorizontal(List<Letter> horizontal, List<PdfWord> words)
    {
        // Sorting on keys taken once is several times faster than comparing the letters' baseline properties.
        var letters = horizontal.ToArray();
        var keys = new double[letters.Length];
        for (var i = 0; i < letters.Length; i++)
        {
            keys[i] = -letters[i].StartBaseLine.Y;
        }

        Array.Sort(keys, letters);
        var pieces = new List<Piece>();
        var sizes = new double[letters.Length];
        var spaces = new bool[letters.Length];
        var reach = 0.0;
        var rowStart = 0;
        for (var i = 0; i < letters.Length; i++)
        {
            // A row is one baseline, give or take a tenth of the type size; raised and lowered text is a row of its own.
            if (i == letters.Length - 1 || keys[i + 1] - keys[i] > 0.1 * Math.Max(letters[i].PointSize, letters[i + 1].PointSize))
            {
                reach = Math.Max(reach, AddRow(letters, keys, sizes, spaces, rowStart, i + 1, pieces));
                rowStart = i + 1;
            }
        }

        JoinAcrossRows(pieces, 0.2 * reach);
        // A piece joined into another has a parent; the other holds its letters.
        words.AddRange(pieces.Where(p => p.Parent == -1).Select(p => new PdfWord(p.Letters)));
    }

    /// <summary>Cuts the row letters[from..to) into pieces of words; returns the largest letter size in it.</summary>
    private static double AddRow(Letter[] letters, double[] keys, double[] sizes, bool[] spaces, int from, int to, List<Piece> pieces)
    {
        for (var i = from; i < to; i++)
        {
            keys[i] = letters[i].StartBaseLine.X;
        }

        Array.Sort(keys, letters, from, to - from);
        var largest = 0.0;
        for (var i = from; i < to; i++)
        {
            spaces[i] = string.IsNullOrWhiteSpace(letters[i].Value);
            sizes[i] = Size(letters[i]);
            largest = Math.Max(largest, sizes[i]);
        }

        List<Letter>? current = null;
        for (var i = from; i < to; i++)
        {
            if (spaces[i])
            {
                continue;
            }

            (current ??= []).Add(letters[i]);
            if (i + 1 < to && !spaces[i + 1] && Distance(letters[i], letters[i + 1]) < 0.2 * Math.Max(sizes[i], sizes[i + 1]))
            {
                continue;
            }

            pieces.Add(new Piece(current, i + 1 < to ? Distance(letters[i], letters[i + 1]) : double.PositiveInfinity));
            current = null;
        }

        return largest;
    }

    /// <summary>
    /// Joins a piece's end to the start of a piece on another baseline when that start is its nearest letter and near
    /// enough. Joined pieces are merged into the first, in x order, and the others marked as taken.
    /// </summary>
    private static void JoinAcrossRows(List<Piece> pieces, double reach)
    {
        if (pieces.Count < 2)
        {
            return;
        }

        var starts = Enumerable.Range(0, pieces.Count).ToArray();
        var startX = starts.Select(i => pieces[i].Letters[0].StartBaseLine.X).ToArray();
        Array.Sort(startX, starts);
        var root = Enumerable.Range(0, pieces.Count).ToArray();
        int Find(int i)
        {
            while (root[i] != i)
            {
                root[i] = root[root[i]];
                i = root[i];
            }

            return i;
        }

        var joined = false;
        for (var i = 0; i < pieces.Count; i++)
        {
            var end = pieces[i].Letters[^1];
            var best = -1;
            var bestDistance = pieces[i].NextInRow;
            var from = LowerBound(startX, end.EndBaseLine.X - reach);
            for (var k = from; k < startX.Length && startX[k] <= end.EndBaseLine.X + reach; k++)
            {
                var j = starts[k];
                var start = pieces[j].Letters[0];
                if (j == i || start.StartBaseLine.Y == end.EndBaseLine.Y)
                {
                    continue;
                }

                var distance = Distance(end, start);
                if (distance < bestDistance && distance < MaxJoin(end, start))
                {
                    best = j;
                    bestDistance = distance;
                }
            }

            if (best >= 0 && Find(best) != Find(i))
            {
                root[Find(best)] = Find(i);
                joined = true;
            }
        }

        if (!joined)
        {
            return;
        }

        foreach (var group in Enumerable.Range(0, pieces.Count).GroupBy(Find).Where(g => g.Count() > 1))
        {
            var letters = group.SelectMany(i => pieces[i].Letters).OrderBy(l => l.StartBaseLine.X).ToList();
            var first = group.Key;
            pieces[first].Letters.Clear();
            pieces[first].Letters.AddRange(letters);
            foreach (var other in group.Where(i => i != first))
            {
                pieces[other].Parent = first;
            }
        }
    }

    private static int LowerBound(double[] values, double value)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (values[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static double Distance(Letter from, Letter to) =>
        Math.Abs(to.StartBaseLine.X - from.EndBaseLine.X) + Math.Abs(to.StartBaseLine.Y - from.EndBaseLine.Y);

    private static double Size(Letter l) => Math.Max(Math.Max(Math.Abs(l.Width), Math.Abs(l.BoundingBox.Width)), l.PointSize);

    private static double MaxJoin(Letter a, Letter b) => 0.2 * Math.Max(Size(a), Size(b));
}
