namespace EvidenceHub.Core.Audit;

/// <summary>The actions the audit log records, by their wire codes.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string UserCreated = "user-created";
    public const string UserChanged = "user-changed";
    public const string RoleChanged = "role-changed";
    public const string InquiryCreated = "inquiry-created";
    public const string Uploaded = "uploaded";
    public const string VersionUploaded = "version-uploaded";
    public const string MetadataChanged = "metadata-changed";
    public const string Published = "published";
    public const string Withheld = "withheld";
    public const string PublicationChanged = "publication-changed";
    public const string PasswordSupplied = "password-supplied";
    public const string Deleted = "deleted";
    public const string DownloadedUnpublished = "downloaded-unpublished";
    public const string Reindexed = "reindexed";
    public const string CampaignRenamed = "campaign-renamed";
    public const string CampaignMemberAdded = "campaign-member-added";
    public const string CampaignMemberRemoved = "campaign-member-removed";
    public const string CampaignSplit = "campaign-split";
    public const string CampaignsDetected = "campaigns-detected";

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, SignInFailed, SignOut, TokenCreated, TokenRevoked, UserCreated, UserChanged, RoleChanged, InquiryCreated,
        Uploaded, VersionUploaded, MetadataChanged, Published, Withheld, PublicationChanged, PasswordSupplied, Deleted,
        DownloadedUnpublished, Reindexed, CampaignRenamed, CampaignMemberAdded, CampaignMemberRemoved, CampaignSplit,
        CampaignsDetected,
    ];
}
