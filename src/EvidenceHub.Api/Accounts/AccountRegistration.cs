namespace EvidenceHub.Api.Accounts;

public static class AccountRegistration
{
    public static void AddEvidenceAccounts(this IServiceCollection services)
    {
        services.AddScoped<PasswordCheck>();
        services.AddScoped<UserAccounts>();
    }
}
