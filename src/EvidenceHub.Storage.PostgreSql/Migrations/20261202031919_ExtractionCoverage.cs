using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvidenceHub.Storage.PostgreSql.Migrations
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LineEnd",
                table: "Passages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LineStart",
                table: "Passages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Section",
                table: "Passages",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpeakerRole",
                table: "Passages",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Time",
                table: "Passages",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Transcript",
                table: "CitationTemplates",
                type: "character varying(200)",
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
