using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using PdfWord = UglyToad.PdfPig.Content.Word;

namespace EvidenceHub.Extraction.Pdf;

/// <summary>
/// Reads a page's lines in reading order: words by the nearest-neighbour rule (<see cref="BaselineWords"/>), then a
/// cheap test for a column gutter; only pages with columns get PdfPig's Docstrum blocks and the unsupervised
/// reading-order detector. Single-column pages are read top to bottom by baselines. Measured against
/// ContentOrderTextExtractor on two-column papers, layout analysis kept columns apart and split words better.
/// </summary>
internal static class PdfPageLayout
{
    // Layout analysis defaults to every core; extraction runs inside jobs that already share the machine.
    private static readonly DocstrumBoundingBoxes Blocks = new(
        new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions { MaxDegreeOfParallelism = 1 });

    private static readonly UnsupervisedReadingOrderDetector ColumnOrder =
        new(5, UnsupervisedReadingOrderDetector.SpatialReasoningRules.ColumnWise, useRenderingOrder: true);

    public static PdfPageLines Read(Page page)
    {
        var letters = page.Letters;
        if (!letters.Any(l => !string.IsNullOrWhiteSpace(l.Value)))
        {
            return new PdfPageLines(page.Number, page.Height, false, []);
        }

        var words = BaselineWords.Build(letters);
        if (HasColumns(words, page.Width))
        {
            var ordered = ColumnOrder.Get(Blocks.GetBlocks(words)).OrderBy(b => b.ReadingOrder).ToList();
            var lines = ordered.SelectMany((block, index) => TopToBottom(page.Number, block.TextLines.SelectMany(l => l.Words), index)).ToList();
            return new PdfPageLines(page.Number, page.Height, true, lines);
        }

        // One column is read top to bottom by baselines alone: Docstrum's blocks would only be flattened again.
        return new PdfPageLines(page.Number, page.Height, false, TopToBottom(page.Number, words, 0));
    }

    /// <summary>
    /// Two columns: somewhere in the middle of the page runs a vertical gutter that almost no word crosses, with a
    /// fair share of the words on each side. A single column of text is crossed on nearly every line wherever the
    /// gutter is tried; a two-column page only on the lines of its full-width title and headings.
    /// </summary>
    private static bool HasColumns(IReadOnlyList<PdfWord> words, double pageWidth)
    {
        if (words.Count < 40 || pageWidth <= 0)
        {
            return false;
        }

        // The same test as trying every gutter against every row and word, in O(words + rows × gutters): each row marks
        // the gutters its words cross, and the words wholly left or right of a gutter are counted by binary search.
        var gutters = new List<double>();
        for (var x = pageWidth * 0.3; x <= pageWidth * 0.7; x += 2)
        {
            gutters.Add(x);
        }

        var lefts = new double[words.Count];
        var rights = new double[words.Count];
        var rowOf = new Dictionary<double, int>();
        var rowIds = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var box = words[i].BoundingBox;
            lefts[i] = box.Left;
            rights[i] = box.Right;
            var key = Math.Round(box.Bottom / 3);
            if (!rowOf.TryGetValue(key, out var row))
            {
                rowOf[key] = row = rowOf.Count;
            }

            rowIds[i] = row;
        }

        var crossingRows = new int[gutters.Count];
        var lastRowMarked = new int[gutters.Count];
        Array.Fill(lastRowMarked, -1);
        var byRow = Enumerable.Range(0, words.Count).OrderBy(i => rowIds[i]).ToArray();
        foreach (var i in byRow)
        {
            for (var k = FirstAbove(gutters, lefts[i]); k < gutters.Count && gutters[k] < rights[i]; k++)
            {
                if (lastRowMarked[k] != rowIds[i])
                {
                    lastRowMarked[k] = rowIds[i];
                    crossingRows[k]++;
                }
            }
        }

        var sortedLefts = lefts.Order().ToArray();
        var sortedRights = rights.Order().ToArray();
        for (var k = 0; k < gutters.Count; k++)
        {
            var x = gutters[k];
            var left = CountAtMost(sortedRights, x);
            var right = words.Count - CountBelow(sortedLefts, x);
            if (crossingRows[k] <= rowOf.Count * 0.4 && left >= words.Count * 0.2 && right >= words.Count * 0.2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Index of the first value greater than x in an ascending list.</summary>
    private static int FirstAbove(List<double> values, double x)
    {
        int lo = 0, hi = values.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (values[mid] <= x)
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

    private static int CountAtMost(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= x)
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

    private static int CountBelow(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < x)
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

    /// <summary>
    /// Lines top to bottom, by clustering words on their baselines. Docstrum's own lines are not used: on justified
    /// text with wide word gaps it breaks a line into fragments and mixes words of neighbouring lines.
    /// </summary>
    private static List<PdfLayoutLine> TopToBottom(int pageNumber, IEnumerable<PdfWord> pageWords, int column)
    {
        var words = pageWords.OrderByDescending(Baseline).ToList();
        var lines = new List<PdfLayoutLine>();
        var current = new List<PdfWord>();
        var size = new SizeSum();
        var baselines = 0.0;
        foreach (var word in words)
        {
            // 0.45 of the font size keeps a raised footnote marker on its line and two lines apart.
            if (current.Count > 0 && baselines / current.Count - Baseline(word) > size.Average * 0.45)
            {
                lines.Add(ToLine(pageNumber, current, column, size.Average));
                current = [];
                size = new SizeSum();
                baselines = 0;
            }

            current.Add(word);
            size.Add(word);
            baselines += Baseline(word);
        }

        if (current.Count > 0)
        {
            lines.Add(ToLine(pageNumber, current, column, size.Average));
        }

        return lines;
    }

    private static PdfLayoutLine ToLine(int pageNumber, List<PdfWord> lineWords, int column, double fontSize)
    {
        var words = lineWords.OrderBy(w => w.BoundingBox.Left).ToList();
        double left = double.MaxValue, right = double.MinValue, top = double.MinValue, bottom = double.MaxValue, baseline = double.MinValue;
        foreach (var word in words)
        {
            var box = word.BoundingBox;
            left = Math.Min(left, box.Left);
            right = Math.Max(right, box.Right);
            top = Math.Max(top, box.Top);
            bottom = Math.Min(bottom, box.Bottom);
            baseline = Math.Max(baseline, Baseline(word));
        }

        return new PdfLayoutLine(pageNumber, string.Join(' ', words.Select(w => w.Text)), left, right, top, bottom, baseline, fontSize, column);
    }

    private static double Baseline(PdfWord word) => word.Letters[0].StartBaseLine.Y;

    /// <summary>
    /// A line's font size: the mean point size of its letters, or where none has one, the mean height of its words.
    /// Kept as running sums, so that adding a word to a line costs its own letters only.
    /// </summary>
    private struct SizeSum
    {
        private double points;
        private int letters;
        private double heights;
        private int words;

        public void Add(PdfWord word)
        {
            foreach (var letter in word.Letters)
            {
                if (letter.PointSize > 0)
                {
                    points += letter.PointSize;
                    letters++;
                }
            }

            heights += word.BoundingBox.Height;
            words++;
        }

        public readonly double Average => letters > 0 ? points / letters : heights / words;
    }
}
