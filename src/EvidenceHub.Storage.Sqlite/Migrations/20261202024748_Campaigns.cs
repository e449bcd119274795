using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvidenceHub.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OwnWords",
                table: "Passages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Campaign",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InquiryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TemplateShingles = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TemplateSignature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaign", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaign_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignBand",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InquiryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignBand", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignBand_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignSignature",
                columns: table => new
                {
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    InquiryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ShingleCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignSignature", x => x.SubmissionId);
                    table.ForeignKey(
                        name: "FK_CampaignSignature_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignMember",
                columns: table => new
                {
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Similarity = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignMember", x => x.SubmissionId);
                    table.ForeignKey(
                        name: "FK_CampaignMember_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignMember_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaign_InquiryId",
                table: "Campaign",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignBand_InquiryId_Key",
                table: "CampaignBand",
                columns: new[] { "InquiryId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignBand_SubmissionId",
                table: "CampaignBand",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMember_CampaignId",
                table: "CampaignMember",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignSignature_InquiryId",
                table: "CampaignSignature",
                column: "InquiryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignBand");

            migrationBuilder.DropTable(
                name: "CampaignMember");

            migrationBuilder.DropTable(
                name: "CampaignSignature");

            migrationBuilder.DropTable(
                name: "Campaign");

            migrationBuilder.DropColumn(
                name: "OwnWords",
                table: "Passages");
        }
    }
}
