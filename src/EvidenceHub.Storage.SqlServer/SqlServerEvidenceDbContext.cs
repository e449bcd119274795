using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Storage.SqlServer;

/// <summary>The SQL Server database; its migrations are in this project's Migrations folder.</summary>
public sealed class SqlServerEvidenceDbContext(DbContextOptions<SqlServerEvidenceDbContext> options) : EvidenceDbContext(options);
