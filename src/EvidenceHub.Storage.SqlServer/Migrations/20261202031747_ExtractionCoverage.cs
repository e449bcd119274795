using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvidenceHub.Storage.SqlServer.Migrations
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
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LineEnd",
                table: "Passages",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LineStart",
                table: "Passages",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Section",
                table: "Passages",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpeakerRole",
                table: "Passages",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Time",
                table: "Passages",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Transcript",
                table: "CitationTemplates",
                type: "nvarchar(200)",
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
