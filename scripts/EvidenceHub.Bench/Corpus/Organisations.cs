using EvidenceHub.Core.Submissions;

namespace EvidenceHub.Bench.Corpus;

/// <summary>Made-up organisations (place × type), each with the submitter category its type implies.</summary>
internal static class Organisations
{
    private static readonly string[] Places =
    [
        "Eastbrook", "Westmoor", "Northgate", "Southfield", "Ashworth", "Bramley", "Calderton", "Dunmere", "Elmsworth",
        "Farrowby", "Glenholm", "Harwick", "Ivybridge", "Jarrowfield", "Kessington", "Lowmoor", "Marlston", "Netherby",
        "Oakhampton", "Pellbury", "Quarrydale", "Redwater", "Stanmoor", "Thornbury", "Upperton", "Valeford", "Whitcombe",
        "Yardley", "Ambleside", "Birchwood", "Coldharbour", "Deepdale", "Easterley", "Fernhill", "Greystone", "Hollins",
    ];

    private static readonly (string Name, SubmitterCategory Category)[] Types =
    [
        ("Residents' Association", SubmitterCategory.CommunityGroup),
        ("Community Trust", SubmitterCategory.CommunityGroup),
        ("Development Trust", SubmitterCategory.Charity),
        ("Citizens Advice", SubmitterCategory.Charity),
        ("Youth Project", SubmitterCategory.Charity),
        ("Foundation", SubmitterCategory.Charity),
        ("University", SubmitterCategory.Academic),
        ("Institute for Place Studies", SubmitterCategory.Academic),
        ("Policy Centre", SubmitterCategory.ThinkTank),
        ("Borough Council", SubmitterCategory.LocalAuthority),
        ("County Council", SubmitterCategory.LocalAuthority),
        ("Combined Authority", SubmitterCategory.LocalAuthority),
        ("Chamber of Commerce", SubmitterCategory.Business),
        ("Enterprise Partnership", SubmitterCategory.Business),
        ("Housing Association", SubmitterCategory.Other),
    ];

    public static int Count => Places.Length * Types.Length;

    public static (string Name, SubmitterCategory Category) Get(int index)
    {
        var type = Types[index % Types.Length];
        return ($"{Places[index / Types.Length % Places.Length]} {type.Name}", type.Category);
    }
}
