using EvidenceHub.Search;

namespace EvidenceHub.Api.Tests.Search;

/// <summary>The positional highlighter: what it marks for each kind of query leaf, and the window it picks.</summary>
[TestClass]
public sealed class SnippetHighlighterTests
{
    private static SnippetHighlighter For(string query) => new(EvidenceQueryParser.ParseQuery(query, SearchAccess.PublicOnly));

    [TestMethod]
    public void A_phrase_marks_its_words_only_where_they_stand_together()
    {
        var marked = For("\"community ownership\"").MarkAll("Community groups want ownership. Community ownership works.");
        Assert.AreEqual("Community groups want ownership. <mark>Community</mark> <mark>ownership</mark> works.", marked);
    }

    [TestMethod]
    public void A_sloppy_phrase_marks_its_words_within_the_slop()
    {
        var marked = For("\"bus town\"~2").MarkAll("A bus to town; a bus, then a train, then a long walk to the town.");
        Assert.AreEqual("A <mark>bus</mark> to <mark>town</mark>; a bus, then a train, then a long walk to the town.", marked);
    }

    [TestMethod]
    public void Stems_prefixes_wildcards_and_fuzzy_terms_mark_the_words_they_match()
    {
        Assert.AreEqual("<mark>Volunteers</mark> and a <mark>volunteer</mark>.", For("volunteering").MarkAll("Volunteers and a volunteer."));
        Assert.AreEqual("The <mark>libraries</mark> and the <mark>library</mark>, not the liberal.", For("librar*").MarkAll("The libraries and the library, not the liberal."));
        Assert.AreEqual("<mark>Devolution</mark> helped.", For("devolutin~").MarkAll("Devolution helped."));
        Assert.AreEqual("A <mark>caf&#233;</mark>.", For("c?fe").MarkAll("A café."), "the wildcard matches the folded word; the text keeps its accent, escaped");
        Assert.AreEqual("<mark>mark</mark> not", For("mark AND NOT not").MarkAll("mark not"), "a word the query excludes is not marked");
    }

    [TestMethod]
    public void Text_is_escaped_around_the_marks()
    {
        Assert.AreEqual("&lt;b&gt; <mark>wiring</mark> &amp; more", For("wiring").Snippet("<b> wiring & more"));
    }

    [TestMethod]
    public void A_long_passage_is_cut_to_the_window_with_the_most_matched_words()
    {
        var filler = string.Join(' ', Enumerable.Repeat("nothing to see in these words at all", 20));
        var text = $"{filler} The bus runs twice a week and the broadband is poor. {filler}";
        var snippet = For("bus OR broadband").Snippet(text);

        Assert.IsLessThan(text.Length / 2, snippet.Length);
        Assert.Contains("<mark>bus</mark> runs twice a week and the <mark>broadband</mark> is poor", snippet);
    }

    [TestMethod]
    public void Matches_far_apart_make_two_windows_in_text_order_the_second_for_words_the_first_lacks()
    {
        var filler = string.Join(' ', Enumerable.Repeat("nothing to see in these words at all", 20));
        var text = $"The broadband is poor here. {filler} The bus runs twice a week. {filler} The bus again, and more bus.";
        var snippet = For("bus OR broadband").Snippet(text);

        var windows = snippet.Split(" … ");
        Assert.HasCount(2, windows);
        Assert.Contains("<mark>broadband</mark> is poor", windows[0]);
        Assert.Contains("<mark>bus</mark> runs twice a week", windows[1], "the first bus, not the later ones: the window that comes first wins a tie");
    }

    [TestMethod]
    public void Without_a_match_the_passage_begins_the_snippet()
    {
        var text = string.Join(' ', Enumerable.Repeat("plain words", 60));
        Assert.AreEqual(text[..220] + "…", For("zebra").Snippet(text));
    }
}
