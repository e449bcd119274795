using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceHub.Extraction.Transcripts;

/// <summary>
/// Turns the lines of an oral-evidence transcript into one passage per speaker's turn. A select committee's turns
/// carry the question number as printed (<c>Q12</c>; the old "12." style becomes <c>Q12</c> too) and every answer
/// carries its question's number. A public inquiry's hearing has no question numbers: its headings ("Opening remarks
/// by the Chair", "MS JANE DOE (sworn)", "Examination by Mr Keith") become the passages' section, a witness sworn
/// starts their evidence, <c>Q.</c> and <c>A.</c> are the examining counsel's and the witness's, time stamps
/// (<c>(10.00 am)</c>) are kept as the passages' time and margin line numbers as their lines. Speakers are kept as
/// printed, a label in capitals put in ordinary case (<see cref="SpeakerName"/>). The front matter goes into the
/// document's metadata; front matter that is not metadata becomes passages of its own.
/// </summary>
public static partial class TranscriptParser
{
    private static readonly string[] Chairs = ["Chair", "Chairman", "Chairwoman", "Madam Chair", "The Chair", "The Chairman"];
    private static readonly string[] ChairTitles = ["Lady", "Lord", "Sir", "Dame", "Baroness", "Baron", "Judge", "His Honour", "Her Honour", "The Hon"];

    [GeneratedRegex(@"^Q\s?(?<q>\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex BareQuestion();

    // Old Minutes of Evidence leave out the name when the same member asks the next question: "20.  I recognise …".
    [GeneratedRegex(@"^(?<q>\d{1,5})\.\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"[\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    private const int MaxQuestionGap = 5;

    /// <summary>A transcript's passages and the page furniture its reading left out.</summary>
    public sealed record TranscriptReading(ExtractedDocument Document, IReadOnlyList<string> Furniture);

    public static ExtractedDocument Parse(SourceLines source) => new Reader(source).Read().Document;

    /// <summary>The document, with the page furniture that was left out (running heads and page numbers).</summary>
    public static TranscriptReading Read(SourceLines source) => new Reader(source).Read();

    private enum TurnKind
    {
        Spoken,
        FrontMatter,
        ChairByHeading,
    }

    private sealed class Turn(int? page, int? question, string? speaker, TurnKind kind)
    {
        public int? Page { get; } = page;

        public int? Question { get; } = question;

        public string? Speaker { get; } = speaker;

        public TurnKind Kind { get; } = kind;

        public List<string> Lines { get; } = [];

        public string? Section { get; init; }

        public string? Time { get; init; }

        public int? LineStart { get; set; }

        public int? LineEnd { get; set; }

        public int? LastPage { get; set; }
    }

    private sealed class Reader(SourceLines source)
    {
        private readonly TranscriptHeader header = new();
        private readonly HashSet<string> speakers = new(Chairs, StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> labelled = new(StringComparer.Ordinal);
        private readonly List<(ExtractedPassage Passage, TurnKind Kind)> passages = [];
        private readonly HearingRoles roles = new(source.FrontMatter);
        private int? question;
        private int? pendingQuestion;
        private Turn? turn;
        private string? questioner;
        private bool started;
        private bool inHeaderBlock;
        private string? section;
        private string? time;
        private string? headingSpeaker;
        private TurnKind headingKind = TurnKind.Spoken;
        private string? examiner;
        private string? witness;
        private string? lastCaller;
        private string? pendingHeading;
        private bool titleSeen;
        private bool sectionUsed;

        /// <summary>The page furniture left out (running heads, page numbers): accounted for, not lost.</summary>
        private readonly List<string> furniture = [];

        /// <summary>Everyone who examined a witness (the Chair is not among them).</summary>
        private readonly HashSet<string> examiners = new(StringComparer.Ordinal);

        public TranscriptReading Read()
        {
            var lines = MarginLineNumbers.Read(source.Lines);
            var plain = lines.Select(l => l.Line).ToList();
            var isPageFurniture = RunningHeaders.Detect(plain);
            var isRepeated = RunningHeaders.DetectRepeated(plain);
            foreach (var numbered in lines)
            {
                var line = numbered.Line;

                // Before the first turn everything is front matter (the HC number may sit on a line of its own),
                // bar a running head repeated on every page.
                if ((started && isPageFurniture(line)) || isRepeated(line))
                {
                    furniture.Add(line.Text);
                    continue;
                }

                Take(line, line.Text.Trim(), numbered.Number);
            }

            if (pendingHeading is not null)
            {
                ApplyHeading(pendingHeading);
            }

            Flush();
            return new TranscriptReading(Finish(), furniture);
        }

        private void Take(SourceLine line, string text, int? number)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (pendingHeading is not null)
            {
                if (!line.IsHeading && text.Length <= 80 && !text.Contains(':') && TurnStart.Match(text) is null)
                {
                    pendingHeading += " " + text;
                    if (!HearingStructure.Continues(pendingHeading))
                    {
                        ApplyHeading(pendingHeading);
                    }

                    return;
                }

                ApplyHeading(pendingHeading);
            }

            if (HearingStructure.Time(text) is { } stamp)
            {
                time = stamp;
                return;
            }

            if (BareQuestion().Match(text) is { Success: true } bare)
            {
                pendingQuestion = int.Parse(bare.Groups["q"].Value, CultureInfo.InvariantCulture);
                return;
            }

            if (HearingStructure.SwornWitness(text) is { } sworn && (line.StartsParagraph || line.IsHeading || turn is null || number is not null))
            {
                Flush();
                witness = sworn;
                roles.AddWitness(sworn);
                speakers.Add(sworn);
                Section(text);
                headingSpeaker = null;
                headingKind = TurnKind.Spoken;
                inHeaderBlock = false;
                return;
            }

            if (TranscriptHeader.StartsWitnessBlock(text))
            {
                Flush();
                inHeaderBlock = true;
                if (!header.Add(text))
                {
                    Section(text); // "Examination of witnesses" heads the turns that follow
                }

                return;
            }

            if (line.IsHeading || (HearingStructure.LooksLikeHeading(text) && (line.StartsParagraph || turn is null || number is not null)))
            {
                if (line.IsHeading && !started && !titleSeen && section is null && !HearingStructure.LooksLikeHeading(text))
                {
                    // The first heading of a marked-up file is its title: front matter.
                    titleSeen = true;
                    header.Set("title", text);
                    header.Add(text);
                    return;
                }

                Flush();
                if (HearingStructure.Continues(text))
                {
                    pendingHeading = text;
                    return;
                }

                ApplyHeading(text);
                return;
            }

            if (HearingStructure.Question(text) is { } asked)
            {
                Start(line, number, examiner ?? ResolveCounsel(null), asked);
                return;
            }

            if (HearingStructure.Answer(text) is { } answered)
            {
                Start(line, number, witness ?? HearingRoles.Witness, answered);
                return;
            }

            var start = TurnStart.Match(text);
            if (start is not null && IsTurn(start, line))
            {
                Flush();
                question = NextQuestion(start, question, pendingQuestion) ?? question;
                pendingQuestion = null;
                var rest = start.Numbered && start.Question is { } printed && question != printed
                    ? printed.ToString(CultureInfo.InvariantCulture) + ". " + start.Rest
                    : start.Rest;
                var speaker = SpeakerName.Normalise(start.Speaker);
                Begin(line, number, speaker, rest, TurnKind.Spoken);
                speakers.Add(start.Speaker);
                speakers.Add(speaker);
                labelled[speaker] = labelled.GetValueOrDefault(speaker) + 1;
                if (roles.RoleOf(speaker) is null && !HearingRoles.IsChairLabel(speaker) && speaker != witness)
                {
                    lastCaller = speaker;
                }

                if (start.Numbered && question == start.Question)
                {
                    questioner = start.Speaker;
                }

                header.EndBlock();
                return;
            }

            if (questioner is not null && question is { } last && line.StartsParagraph
                && NumberOnly().Match(text) is { Success: true } numberOnly
                && int.Parse(numberOnly.Groups["q"].Value, CultureInfo.InvariantCulture) is var next
                && next > last && next <= last + MaxQuestionGap)
            {
                Flush();
                question = next;
                Begin(line, number, questioner, numberOnly.Groups["rest"].Value, TurnKind.Spoken);
                return;
            }

            if (turn is not null && turn.Kind != TurnKind.FrontMatter)
            {
                Continue(turn, line, text, number);
                return;
            }

            if (inHeaderBlock || (!started && headingSpeaker is null))
            {
                if (header.Add(text))
                {
                    Flush();
                }
                else if (turn is not null && !line.StartsParagraph)
                {
                    Continue(turn, line, text, number);
                }
                else
                {
                    Flush();
                    Begin(line, number, null, text, TurnKind.FrontMatter);
                }

                return;
            }

            // Words after a heading with no label: the heading's speaker ("Opening remarks by the Chair"), if it names one.
            Flush();
            Begin(line, number, headingSpeaker, text, headingSpeaker is null ? TurnKind.Spoken : headingKind);
        }

        private void Start(SourceLine line, int? number, string speaker, string rest)
        {
            Flush();
            Begin(line, number, speaker, rest, TurnKind.Spoken);
            speakers.Add(speaker);
        }

        private void Begin(SourceLine line, int? number, string? speaker, string rest, TurnKind kind)
        {
            turn = new Turn(line.Page, kind == TurnKind.FrontMatter ? null : question, speaker, kind)
            {
                Section = section,
                Time = time,
                LineStart = number,
                LineEnd = number,
                LastPage = line.Page,
            };
            turn.Lines.Add(rest);
            if (kind != TurnKind.FrontMatter)
            {
                sectionUsed = true;
                started = true;
                inHeaderBlock = false;
            }
        }

        private static void Continue(Turn current, SourceLine line, string text, int? number)
        {
            current.Lines.Add(text);
            if (number is not null)
            {
                current.LineEnd = number;
                current.LastPage = line.Page;
            }
        }

        /// <summary>Headings in a row ("MS JANE DOE (sworn)", then "Examination by Mr Keith") make one section.</summary>
        private void Section(string heading)
        {
            section = section is not null && !sectionUsed ? section + " — " + heading : heading;
            sectionUsed = false;
        }

        private void ApplyHeading(string heading)
        {
            pendingHeading = null;
            Section(heading);
            inHeaderBlock = false;
            var who = HearingStructure.ByWhom(heading);
            headingKind = TurnKind.Spoken;
            if (HearingStructure.IsExamination(heading))
            {
                examiner = ResolveCounsel(who);
                headingSpeaker = examiner;
                return;
            }

            if (who is null)
            {
                headingSpeaker = null;
                return;
            }

            if (HearingRoles.IsChairLabel(who) || roles.RoleOf(SpeakerName.FromHeading(who)) == HearingRoles.Chair)
            {
                headingSpeaker = HearingRoles.Chair;
                headingKind = TurnKind.ChairByHeading;
                return;
            }

            headingSpeaker = HearingRoles.IsCounselLabel(who) || who.StartsWith("Lead Counsel", StringComparison.OrdinalIgnoreCase)
                ? ResolveCounsel(who)
                : SpeakerName.FromHeading(who);
        }

        /// <summary>The examining counsel: as the heading names them, else from the front matter, else who called the witness.</summary>
        private string ResolveCounsel(string? who)
        {
            var counsel = who is not null && !HearingRoles.IsCounselLabel(who) && !who.Contains("Counsel", StringComparison.OrdinalIgnoreCase)
                ? SpeakerName.FromHeading(who)
                : roles.CounselName ?? lastCaller ?? HearingRoles.Counsel;
            examiners.Add(counsel);
            return counsel;
        }

        private bool IsTurn(TurnStart start, SourceLine line)
        {
            if (start.Numbered && NextQuestion(start, question, pendingQuestion) is not null)
            {
                return true;
            }

            // An unnumbered "Name:" mid-line could be ordinary prose wrapped onto a new line; trust it at the
            // start of a paragraph, when printed in capitals as hearing transcripts print labels, or when the
            // name is one already seen or listed in the front matter.
            return line.StartsParagraph || IsCapitals(start.Speaker) || speakers.Contains(start.Speaker) || header.Mentions(start.Speaker);
        }

        private static bool IsCapitals(string speaker) => speaker.Count(char.IsLetter) >= 4 && !speaker.Any(char.IsLower);

        private void Flush()
        {
            if (turn is null)
            {
                return;
            }

            var current = turn;
            turn = null;
            var text = TextNormalizer.Clean(string.Join(' ', current.Lines));
            if (text.Length == 0)
            {
                return;
            }

            var printedQuestion = current.Question is { } q ? "Q" + q.ToString(CultureInfo.InvariantCulture) : null;
            passages.Add((new ExtractedPassage(current.Page, null, text, printedQuestion, current.Speaker)
            {
                Section = current.Section,
                Time = current.Time,
                LineStart = current.LineStart,
                LineEnd = current.LastPage == current.Page ? current.LineEnd : null,
            }, current.Kind));
        }

        private ExtractedDocument Finish()
        {
            var metadata = new Dictionary<string, string>(header.ToMetadata());
            foreach (var (key, value) in source.FrontMatter ?? ExtractedDocument.NoMetadata)
            {
                // The front matter says what the printed title line only suggests; the printed one is kept beside it.
                if (metadata.TryGetValue(key, out var printed) && printed != value)
                {
                    metadata["printed " + key] = printed;
                }

                metadata[key] = value;
            }

            var metadataWords = metadata.Values.SelectMany(v => Word().Matches(v).Select(m => m.Value.ToLowerInvariant())).ToHashSet();
            var chair = passages.Any(p => p.Kind == TurnKind.ChairByHeading) ? ResolveChair() : null;
            var result = new List<ExtractedPassage>(passages.Count);
            foreach (var (passage, kind) in passages)
            {
                if (kind == TurnKind.FrontMatter && IsMetadata(passage.Text, metadataWords))
                {
                    continue;
                }

                var speaker = kind == TurnKind.ChairByHeading ? chair : passage.Speaker;
                result.Add(passage with
                {
                    Speaker = speaker,
                    SpeakerRole = kind == TurnKind.ChairByHeading || (chair is not null && speaker == chair) ? HearingRoles.Chair
                        : roles.RoleOf(speaker) ?? (speaker is not null && examiners.Contains(speaker) ? HearingRoles.Counsel : null),
                });
            }

            return new ExtractedDocument(source.PageCount, result, metadata);
        }

        /// <summary>The Chair by name: from the front matter as the turns print it, else the chair's label, else the titled speaker heard most.</summary>
        private string ResolveChair()
        {
            if (roles.ChairName is { } named)
            {
                var surname = SpeakerName.Surname(named);
                return labelled.Keys.FirstOrDefault(s => string.Equals(SpeakerName.Surname(s), surname, StringComparison.OrdinalIgnoreCase)) ?? named;
            }

            // Else the Chair's label, a judge's title, or whoever speaks most who is neither examining nor sworn.
            return labelled.Keys.FirstOrDefault(HearingRoles.IsChairLabel)
                ?? labelled.Where(s => ChairTitles.Any(t => s.Key.StartsWith(t + " ", StringComparison.Ordinal)))
                    .OrderByDescending(s => s.Value).Select(s => s.Key).FirstOrDefault()
                ?? labelled.Where(s => !examiners.Contains(s.Key) && roles.RoleOf(s.Key) is null)
                    .OrderByDescending(s => s.Value).Select(s => s.Key).FirstOrDefault()
                ?? "The Chair";
        }

        /// <summary>A front-matter line whose words are mostly in the metadata (a committee's name, a dated title) is metadata.</summary>
        private static bool IsMetadata(string text, HashSet<string> metadataWords)
        {
            var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
            return words.Count == 0 || words.Count(metadataWords.Contains) * 2 >= words.Count;
        }
    }

    /// <summary>"Q12" is always a question; a bare "12." only when it moves the count forward.</summary>
    private static int? NextQuestion(TurnStart start, int? current, int? pending)
    {
        if (!start.Numbered || start.Question is not { } printed)
        {
            return pending;
        }

        return start.QPrefixed || current is null || printed > current ? printed : pending;
    }
}
