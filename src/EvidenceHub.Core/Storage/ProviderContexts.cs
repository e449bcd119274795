using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Core.Storage;

/// <summary>The database of the embedded mode; its migrations are in Storage/Migrations/Sqlite.</summary>
public sealed class SqliteEvidenceDbContext(DbContextOptions<SqliteEvidenceDbContext> options) : EvidenceDbContext(options);

/// <summary>The SQL Server database; its migrations are in Storage/Migrations/SqlServer.</summary>
public sealed class SqlServerEvidenceDbContext(DbContextOptions<SqlServerEvidenceDbContext> options) : EvidenceDbContext(options);

/// <summary>The PostgreSQL database; its migrations are in Storage/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlEvidenceDbContext(DbContextOptions<PostgreSqlEvidenceDbContext> options) : EvidenceDbContext(options);
