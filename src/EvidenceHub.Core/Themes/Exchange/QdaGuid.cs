using System.Security.Cryptography;
using System.Text;

namespace EvidenceHub.Core.Themes.Exchange;

/// <summary>
/// The GUIDs of a REFI-QDA export, made from what they stand for (<c>theme 12</c>, <c>tag 881</c>): the same
/// repository exported twice gives the same GUIDs, so an analysis tool can recognise an updated project.
/// </summary>
public static class QdaGuid
{
    public static string For(string kind, object id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"evidencehub:{kind}:{id}"));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 style: name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D").ToUpperInvariant();
    }
}
