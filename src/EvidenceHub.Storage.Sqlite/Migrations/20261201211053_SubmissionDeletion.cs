using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EvidenceHub.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SubmissionDeletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Quote_Submissions_SubmissionId",
                table: "Quote");

            migrationBuilder.AlterColumn<long>(
                name: "SubmissionId",
                table: "Quote",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<string>(
                name: "SourceSha256",
                table: "Quote",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AddColumn<int>(
                name: "InquiryId",
                table: "Quote",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Quote",
                type: "TEXT",
                maxLength: 9,
                nullable: false,
                defaultValue: "");

            // Quotes now carry their inquiry and reference (they outlive a deleted submission): fill them in
            // before the table is rebuilt with its new foreign key.
            migrationBuilder.Sql("UPDATE \"Quote\" SET \"InquiryId\" = (SELECT s.\"InquiryId\" FROM \"Submissions\" AS s WHERE s.\"Id\" = \"Quote\".\"SubmissionId\"), \"Reference\" = (SELECT s.\"Reference\" FROM \"Submissions\" AS s WHERE s.\"Id\" = \"Quote\".\"SubmissionId\") WHERE \"SubmissionId\" IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Quote_InquiryId",
                table: "Quote",
                column: "InquiryId");

            migrationBuilder.AddForeignKey(
                name: "FK_Quote_Inquiries_InquiryId",
                table: "Quote",
                column: "InquiryId",
                principalTable: "Inquiries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Quote_Submissions_SubmissionId",
                table: "Quote",
                column: "SubmissionId",
                principalTable: "Submissions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Quote_Inquiries_InquiryId",
                table: "Quote");

            migrationBuilder.DropForeignKey(
                name: "FK_Quote_Submissions_SubmissionId",
                table: "Quote");

            migrationBuilder.DropIndex(
                name: "IX_Quote_InquiryId",
                table: "Quote");

            migrationBuilder.DropColumn(
                name: "InquiryId",
                table: "Quote");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Quote");

            migrationBuilder.AlterColumn<long>(
                name: "SubmissionId",
                table: "Quote",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "SourceSha256",
                table: "Quote",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Quote_Submissions_SubmissionId",
                table: "Quote",
                column: "SubmissionId",
                principalTable: "Submissions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
