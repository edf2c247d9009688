import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provider delivery reports (delivered/bounced; reports for ids not stored yet wait in provider_report_pending) and
 * the public letter link of letter_message.
 */
export class DeliveryReports1795580100000 implements MigrationInterface {
  name = 'DeliveryReports1795580100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "letter_message" ADD "delivered_at" TIMESTAMP WITH TIME ZONE, ADD "reported_at" TIMESTAMP WITH TIME ZONE, ADD "link_token_hash" text, ADD "link_expires_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_letter_message_provider" ON "letter_message" ("channel", "provider_message_id") WHERE provider_message_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_letter_message_link" ON "letter_message" ("link_token_hash") WHERE link_token_hash IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "provider_report_pending" ("id" uuid NOT NULL, "channel" text NOT NULL, "provider_message_id" text NOT NULL, "status" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_provider_report_pending" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_provider_report_pending" ON "provider_report_pending" ("channel", "provider_message_id", "status", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_provider_report_pending_message" ON "provider_report_pending" ("channel", "provider_message_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_provider_report_pending_message"`);
    await queryRunner.query(`DROP INDEX "public"."uq_provider_report_pending"`);
    await queryRunner.query(`DROP TABLE "provider_report_pending"`);
    await queryRunner.query(`DROP INDEX "public"."uq_letter_message_link"`);
    await queryRunner.query(`DROP INDEX "public"."ix_letter_message_provider"`);
    await queryRunner.query(
      `ALTER TABLE "letter_message" DROP COLUMN "link_expires_at", DROP COLUMN "link_token_hash", DROP COLUMN "reported_at", DROP COLUMN "delivered_at"`,
    );
  }
}
