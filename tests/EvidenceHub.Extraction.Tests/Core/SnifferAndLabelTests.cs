using System.Text;
using EvidenceHub.Extraction;

namespace EvidenceHub.Extraction.Tests.Core;

[TestClass]
public sealed class SnifferAndLabelTests
{
    [TestMethod]
    [DataRow("4.2 Funding should reach neighbourhoods.", "4.2", "Funding should reach neighbourhoods.")]
    [DataRow("12. The council disagrees.", "12", "The council disagrees.")]
    [DataRow("3(a) Community halls closed.", "3(a)", "Community halls closed.")]
    [DataRow("(iv) Pubs are social infrastructure.", "(iv)", "Pubs are social infrastructure.")]
    public void A_leading_paragraph_label_is_split_off(string paragraph, string label, string rest)
    {
        Assert.IsTrue(ParagraphLabel.TrySplit(paragraph, out var foundLabel, out var foundRest));
        Assert.AreEqual(label, foundLabel);
        Assert.AreEqual(rest, foundRest);
    }

    [TestMethod]
    [DataRow("12 councils replied to our survey.")]
    [DataRow("2023 was a difficult year.")]
    [DataRow("Funding should reach neighbourhoods.")]
    public void Numbers_that_start_a_sentence_are_not_labels(string paragraph) =>
        Assert.IsFalse(ParagraphLabel.TrySplit(paragraph, out _, out _));

    [TestMethod]
    public void Types_are_sniffed_from_bytes()
    {
        Assert.AreEqual(DocumentType.Pdf, DocumentTypeSniffer.Sniff("%PDF-1.7\n%âãÏÓ\n"u8));
        Assert.AreEqual(DocumentType.Text, DocumentTypeSniffer.Sniff(Encoding.UTF8.GetBytes("Plain words, café.")));
        Assert.AreEqual(DocumentType.Text, DocumentTypeSniffer.Sniff([.. Encoding.UTF8.Preamble, .. "BOM text"u8]));
        Assert.IsNull(DocumentTypeSniffer.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));
        Assert.IsNull(DocumentTypeSniffer.Sniff([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), "a broken ZIP is not Word");
        Assert.IsNull(DocumentTypeSniffer.Sniff([]));
    }
}
