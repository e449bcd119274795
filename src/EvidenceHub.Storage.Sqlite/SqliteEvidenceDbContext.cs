using EvidenceHub.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace EvidenceHub.Storage.Sqlite;

/// <summary>The database of the embedded mode; its migrations are in this project's Migrations folder.</summary>
public sealed class SqliteEvidenceDbContext(DbContextOptions<SqliteEvidenceDbContext> options) : EvidenceDbContext(options);
