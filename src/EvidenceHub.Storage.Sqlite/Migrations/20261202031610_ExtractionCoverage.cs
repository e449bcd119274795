using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvidenceHub.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExtractionCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "WordCoverage",
                table: "Submissions",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LineEnd",
                table: "Passages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LineStart",
                table: "Passages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Section",
                table: "Passages",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpeakerRole",
                table: "Passages",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Time",
                table: "Passages",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Transcript",
                table: "CitationTemplates",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WordCoverage",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "LineEnd",
                table: "Passages");

            migrationBuilder.DropColumn(
                name: "LineStart",
                table: "Passages");

            migrationBuilder.DropColumn(
                name: "Section",
                table: "Passages");

            migrationBuilder.DropColumn(
                name: "SpeakerRole",
                table: "Passages");

            migrationBuilder.DropColumn(
                name: "Time",
                table: "Passages");

            migrationBuilder.DropColumn(
                name: "Transcript",
                table: "CitationTemplates");
        }
    }
}
