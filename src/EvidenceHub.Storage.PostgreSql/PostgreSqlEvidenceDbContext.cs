using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Storage.PostgreSql;

/// <summary>The PostgreSQL database; its migrations are in this project's Migrations folder.</summary>
public sealed class PostgreSqlEvidenceDbContext(DbContextOptions<PostgreSqlEvidenceDbContext> options) : EvidenceDbContext(options);
