import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LettersAndContacts1795573735526 implements MigrationInterface {
  name = 'LettersAndContacts1795573735526';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "guardian_contact" ("school_id" uuid NOT NULL, "pupil_ref" uuid NOT NULL, "guardian_ref" uuid NOT NULL, "encrypted" text, "source_occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_guardian_contact" PRIMARY KEY ("school_id", "pupil_ref", "guardian_ref"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "letter_dead_letter" ("id" uuid NOT NULL, "message_id" uuid NOT NULL, "retries" integer NOT NULL, "clb_id" uuid NOT NULL, "school_id" uuid NOT NULL, "case_id" uuid NOT NULL, "decision_version" integer NOT NULL, "channel" text NOT NULL, "guardian_ref" uuid NOT NULL, "contact_refs" uuid array NOT NULL, "reason" text NOT NULL, "status" text NOT NULL, "note" text, "handled_by" text, "handled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_letter_dead_letter" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_letter_dead_letter_message" ON "letter_dead_letter" ("message_id", "retries") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_letter_dead_letter_clb" ON "letter_dead_letter" ("clb_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "letter_decision" ("case_id" uuid NOT NULL, "decision_version" integer NOT NULL, "clb_id" uuid NOT NULL, "school_id" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "unreachable" jsonb NOT NULL DEFAULT '[]'::jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_letter_decision" PRIMARY KEY ("case_id", "decision_version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "letter_message" ("id" uuid NOT NULL, "message_key" text NOT NULL, "case_id" uuid NOT NULL, "decision_version" integer NOT NULL, "clb_id" uuid NOT NULL, "school_id" uuid NOT NULL, "disease" text NOT NULL, "kind" text NOT NULL, "channel" text NOT NULL, "guardian_ref" uuid NOT NULL, "pupil_ref" uuid NOT NULL, "is_update" boolean NOT NULL, "children" jsonb NOT NULL, "recipients" jsonb NOT NULL, "state" text NOT NULL, "fallback_of" uuid, "retries" integer NOT NULL DEFAULT '0', "last_error" text, "provider_message_id" text, "correlation_id" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_letter_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_letter_message_key" ON "letter_message" ("message_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_letter_message_queued" ON "letter_message" ("updated_at") WHERE state = 'queued'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_letter_message_case" ON "letter_message" ("case_id", "decision_version") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_letter_message_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_letter_message_queued"`);
    await queryRunner.query(`DROP INDEX "public"."uq_letter_message_key"`);
    await queryRunner.query(`DROP TABLE "letter_message"`);
    await queryRunner.query(`DROP TABLE "letter_decision"`);
    await queryRunner.query(`DROP INDEX "public"."ix_letter_dead_letter_clb"`);
    await queryRunner.query(`DROP INDEX "public"."uq_letter_dead_letter_message"`);
    await queryRunner.query(`DROP TABLE "letter_dead_letter"`);
    await queryRunner.query(`DROP TABLE "guardian_contact"`);
  }
}
