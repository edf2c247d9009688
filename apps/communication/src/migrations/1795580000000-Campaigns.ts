import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns (information letters in bulk): the audience directory (`campaign_group`), `campaign`, SMS opt-outs by
 * keyed number hash (`sms_opt_out`); campaign letters are `letter_message` rows with a `campaign_id` (no case), and
 * dead letters can be a campaign's.
 */
export class Campaigns1795580000000 implements MigrationInterface {
  name = 'Campaigns1795580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaign_group" ("id" uuid NOT NULL, "school_id" uuid NOT NULL, "school_year" text NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "level" text NOT NULL, "pupil_refs" uuid array NOT NULL, "source_occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_campaign_group" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_campaign_group_school" ON "campaign_group" ("school_id", "school_year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign" ("id" uuid NOT NULL, "clb_id" uuid NOT NULL, "title" text NOT NULL, "disease" text NOT NULL, "audience" jsonb NOT NULL, "status" text NOT NULL, "total" integer NOT NULL, "pupils" integer NOT NULL, "opted_out" integer NOT NULL, "unreachable" integer NOT NULL, "created_by" text NOT NULL, "idempotency_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" text, CONSTRAINT "pk_campaign" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_campaign_idempotency" ON "campaign" ("created_by", "idempotency_key") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_campaign_clb" ON "campaign" ("clb_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "sms_opt_out" ("number_hash" text NOT NULL, "opted_out" boolean NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_sms_opt_out" PRIMARY KEY ("number_hash"))`,
    );
    await queryRunner.query(`ALTER TABLE "letter_message" ALTER COLUMN "case_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "letter_message" ALTER COLUMN "decision_version" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "letter_message" ADD "campaign_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "ix_letter_message_campaign" ON "letter_message" ("campaign_id", "state") WHERE campaign_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_letter_message_fallback" ON "letter_message" ("fallback_of") WHERE fallback_of IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "letter_dead_letter" ALTER COLUMN "case_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "letter_dead_letter" ALTER COLUMN "decision_version" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "letter_dead_letter" ADD "campaign_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Campaign letters have no case: they go with their campaigns.
    await queryRunner.query(`DELETE FROM "letter_dead_letter" WHERE "case_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "letter_dead_letter" DROP COLUMN "campaign_id"`);
    await queryRunner.query(`ALTER TABLE "letter_dead_letter" ALTER COLUMN "decision_version" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "letter_dead_letter" ALTER COLUMN "case_id" SET NOT NULL`);
    await queryRunner.query(`DELETE FROM "letter_message" WHERE "case_id" IS NULL`);
    await queryRunner.query(`DROP INDEX "public"."ix_letter_message_fallback"`);
    await queryRunner.query(`DROP INDEX "public"."ix_letter_message_campaign"`);
    await queryRunner.query(`ALTER TABLE "letter_message" DROP COLUMN "campaign_id"`);
    await queryRunner.query(`ALTER TABLE "letter_message" ALTER COLUMN "decision_version" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "letter_message" ALTER COLUMN "case_id" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "sms_opt_out"`);
    await queryRunner.query(`DROP INDEX "public"."ix_campaign_clb"`);
    await queryRunner.query(`DROP INDEX "public"."uq_campaign_idempotency"`);
    await queryRunner.query(`DROP TABLE "campaign"`);
    await queryRunner.query(`DROP INDEX "public"."ix_campaign_group_school"`);
    await queryRunner.query(`DROP TABLE "campaign_group"`);
  }
}
