import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RostersMeldingenCredentials1795564681099 implements MigrationInterface {
  name = 'RostersMeldingenCredentials1795564681099';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "school_credential" ("key_id" text NOT NULL, "school_id" uuid NOT NULL, "api_key_hash" character(64) NOT NULL, "webhook_secret_sealed" text NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_7ca9fd717bda4c151ed1a062922" UNIQUE ("api_key_hash"), CONSTRAINT "PK_b194388d4ef6123ed725ee06d74" PRIMARY KEY ("key_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_school_credential_school" ON "school_credential" ("school_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "melding_idempotency_key" ("caller" text NOT NULL, "key" text NOT NULL, "fingerprint" character(64) NOT NULL, "melding_id" uuid NOT NULL, "outcome" text NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5d661447507d3b3c32df66efb72" PRIMARY KEY ("caller", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "melding_reference_counter" ("year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_aa9da8da97b7fba975af70122ca" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."melding_status" AS ENUM('received', 'being-assessed', 'measures-decided', 'letters-sent')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."melding_subject_kind" AS ENUM('pupil', 'staff', 'unlisted')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."melding_disease" AS ENUM('covid-19', 'mumps', 'measles', 'meningococcal', 'pertussis', 'scarlet-fever', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."melding_test_result" AS ENUM('positive', 'negative', 'pending')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."melding_activity" AS ENUM('excursion', 'bus', 'sports', 'boarding', 'other')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."melding_channel" AS ENUM('form', 'api', 'webhook')`);
    await queryRunner.query(
      `CREATE TABLE "melding" ("id" uuid NOT NULL, "reference" text NOT NULL, "school_id" uuid NOT NULL, "clb_ids" uuid array NOT NULL, "status" "public"."melding_status" NOT NULL, "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "subject_kind" "public"."melding_subject_kind" NOT NULL, "subject_ref" uuid NOT NULL, "unlisted_first_name" text, "unlisted_last_name" text, "unlisted_birth_date" date, "unlisted_role" text, "disease" "public"."melding_disease" NOT NULL, "disease_other" text, "onset_date" date, "test_date" date, "test_result" "public"."melding_test_result", "last_day_present" date NOT NULL, "group_ids" uuid array NOT NULL, "activities" "public"."melding_activity" array NOT NULL, "contact_name" text NOT NULL, "contact_email" text, "contact_phone" text NOT NULL, "remarks" text, "channel" "public"."melding_channel" NOT NULL, "dedup_key" character(64) NOT NULL, "received_event_id" uuid NOT NULL, "confirmation_sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_bf3d7a0e30b06032e8d5899f0c1" UNIQUE ("reference"), CONSTRAINT "UQ_420f9c78a4ce8ea41a06e9585fe" UNIQUE ("dedup_key"), CONSTRAINT "PK_80a7932bdc791a25732613fb586" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_melding_school_created" ON "melding" ("school_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "melding_report" ("id" uuid NOT NULL, "melding_id" uuid NOT NULL, "channel" "public"."melding_channel" NOT NULL, "submitted_by" text NOT NULL, "merged" boolean NOT NULL, "idempotency_key" text, "details" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_387942ab19a654adc20a456c136" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_melding_report_melding" ON "melding_report" ("melding_id") `);
    await queryRunner.query(
      `CREATE TABLE "boarding_link" ("school_id" uuid NOT NULL, "internaat_id" uuid NOT NULL, CONSTRAINT "PK_04de53210dfc4e6ad2b95c2f3b6" PRIMARY KEY ("school_id", "internaat_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_boarding_link_internaat" ON "boarding_link" ("internaat_id") `);
    await queryRunner.query(
      `CREATE TABLE "school_year" ("label" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, CONSTRAINT "PK_891984f1dec82a612b46f15ec09" PRIMARY KEY ("label"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "roster_group" ("id" uuid NOT NULL, "school_id" uuid NOT NULL, "school_year" text NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "level" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_roster_group_name" UNIQUE ("school_id", "school_year", "kind", "name"), CONSTRAINT "PK_00a2ecb7f255c9bee294a540501" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "pupil" ("id" uuid NOT NULL, "ref" uuid NOT NULL, "school_id" uuid NOT NULL, "pupil_number" text NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "birth_date" date NOT NULL, "class_group_id" uuid NOT NULL, "living_group_id" uuid, "status" text NOT NULL DEFAULT 'active', "search_text" text NOT NULL, "gone_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_pupil_number" UNIQUE ("school_id", "pupil_number"), CONSTRAINT "PK_34f2dbae733affb8884c2255c21" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pupil_living_group" ON "pupil" ("living_group_id") WHERE "living_group_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "guardian" ("pupil_id" uuid NOT NULL, "slot" smallint NOT NULL, "ref" uuid NOT NULL, "name" text NOT NULL, "household_label" text NOT NULL, "language" text NOT NULL, "email" text, "mobile" text, "preferred_channel" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_guardian" PRIMARY KEY ("pupil_id", "slot"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "pupil_group" ("pupil_id" uuid NOT NULL, "group_id" uuid NOT NULL, CONSTRAINT "PK_827624feec0fddb7f12da6b1958" PRIMARY KEY ("pupil_id", "group_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_pupil_group_group" ON "pupil_group" ("group_id") `);
    await queryRunner.query(
      `CREATE TABLE "roster_import" ("id" uuid NOT NULL, "school_id" uuid NOT NULL, "school_year" text NOT NULL, "format" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "total" integer NOT NULL DEFAULT '0', "processed" integer NOT NULL DEFAULT '0', "created_count" integer NOT NULL DEFAULT '0', "updated_count" integer NOT NULL DEFAULT '0', "unchanged_count" integer NOT NULL DEFAULT '0', "gone_count" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "error_count" integer NOT NULL DEFAULT '0', "ignored_columns" text array NOT NULL DEFAULT '{}', "failure_reason" text, "idempotency_key" text, "requested_by" text NOT NULL, "correlation_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_45aa91a49477018ab4f4da7852d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_roster_import_school" ON "roster_import" ("school_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_roster_import_idempotency" ON "roster_import" ("school_id", "idempotency_key") WHERE "idempotency_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "roster_import_upload" ("import_id" uuid NOT NULL, "content" text NOT NULL, CONSTRAINT "PK_4307da3d10d7ceb68521c644ea9" PRIMARY KEY ("import_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_member" ("id" uuid NOT NULL, "ref" uuid NOT NULL, "school_id" uuid NOT NULL, "staff_number" text NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "gone_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_staff_number" UNIQUE ("school_id", "staff_number"), CONSTRAINT "PK_342343208cbc30b3c14a976b0a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_ref" ON "staff_member" ("ref") `);
    await queryRunner.query(
      `CREATE TABLE "staff_class" ("staff_id" uuid NOT NULL, "group_id" uuid NOT NULL, CONSTRAINT "PK_2d6ca4692915229c45e6d3ff467" PRIMARY KEY ("staff_id", "group_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_staff_class_group" ON "staff_class" ("group_id") `);
    await queryRunner.query(`ALTER TABLE "school" ADD "address_street" text`);
    await queryRunner.query(`ALTER TABLE "school" ADD "address_postal_code" character(4)`);
    await queryRunner.query(`ALTER TABLE "school" ADD "address_city" text`);
    await queryRunner.query(`ALTER TABLE "school" ADD "is_internaat" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "school" ADD "extra_clb_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "melding_report" ADD CONSTRAINT "fk_melding_report_melding" FOREIGN KEY ("melding_id") REFERENCES "melding"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "roster_group" ADD CONSTRAINT "fk_roster_group_school" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "roster_group" ADD CONSTRAINT "fk_roster_group_school_year" FOREIGN KEY ("school_year") REFERENCES "school_year"("label") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pupil_group" ADD CONSTRAINT "fk_pupil_group_pupil" FOREIGN KEY ("pupil_id") REFERENCES "pupil"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pupil_group" ADD CONSTRAINT "fk_pupil_group_group" FOREIGN KEY ("group_id") REFERENCES "roster_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "roster_import_upload" ADD CONSTRAINT "fk_roster_import_upload_import" FOREIGN KEY ("import_id") REFERENCES "roster_import"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_member" ADD CONSTRAINT "fk_staff_member_school" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_class" ADD CONSTRAINT "fk_staff_class_staff" FOREIGN KEY ("staff_id") REFERENCES "staff_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_class" ADD CONSTRAINT "fk_staff_class_group" FOREIGN KEY ("group_id") REFERENCES "roster_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_class" DROP CONSTRAINT "fk_staff_class_group"`);
    await queryRunner.query(`ALTER TABLE "staff_class" DROP CONSTRAINT "fk_staff_class_staff"`);
    await queryRunner.query(`ALTER TABLE "staff_member" DROP CONSTRAINT "fk_staff_member_school"`);
    await queryRunner.query(
      `ALTER TABLE "roster_import_upload" DROP CONSTRAINT "fk_roster_import_upload_import"`,
    );
    await queryRunner.query(`ALTER TABLE "pupil_group" DROP CONSTRAINT "fk_pupil_group_group"`);
    await queryRunner.query(`ALTER TABLE "pupil_group" DROP CONSTRAINT "fk_pupil_group_pupil"`);
    await queryRunner.query(`ALTER TABLE "roster_group" DROP CONSTRAINT "fk_roster_group_school_year"`);
    await queryRunner.query(`ALTER TABLE "roster_group" DROP CONSTRAINT "fk_roster_group_school"`);
    await queryRunner.query(`ALTER TABLE "melding_report" DROP CONSTRAINT "fk_melding_report_melding"`);
    await queryRunner.query(`ALTER TABLE "school" DROP COLUMN "extra_clb_ids"`);
    await queryRunner.query(`ALTER TABLE "school" DROP COLUMN "is_internaat"`);
    await queryRunner.query(`ALTER TABLE "school" DROP COLUMN "address_city"`);
    await queryRunner.query(`ALTER TABLE "school" DROP COLUMN "address_postal_code"`);
    await queryRunner.query(`ALTER TABLE "school" DROP COLUMN "address_street"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_class_group"`);
    await queryRunner.query(`DROP TABLE "staff_class"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_ref"`);
    await queryRunner.query(`DROP TABLE "staff_member"`);
    await queryRunner.query(`DROP TABLE "roster_import_upload"`);
    await queryRunner.query(`DROP INDEX "public"."uq_roster_import_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."ix_roster_import_school"`);
    await queryRunner.query(`DROP TABLE "roster_import"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pupil_group_group"`);
    await queryRunner.query(`DROP TABLE "pupil_group"`);
    await queryRunner.query(`DROP TABLE "guardian"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pupil_living_group"`);
    await queryRunner.query(`DROP TABLE "pupil"`);
    await queryRunner.query(`DROP TABLE "roster_group"`);
    await queryRunner.query(`DROP TABLE "school_year"`);
    await queryRunner.query(`DROP INDEX "public"."ix_boarding_link_internaat"`);
    await queryRunner.query(`DROP TABLE "boarding_link"`);
    await queryRunner.query(`DROP INDEX "public"."ix_melding_report_melding"`);
    await queryRunner.query(`DROP TABLE "melding_report"`);
    await queryRunner.query(`DROP TYPE "public"."melding_channel"`);
    await queryRunner.query(`DROP INDEX "public"."ix_melding_school_created"`);
    await queryRunner.query(`DROP TABLE "melding"`);
    await queryRunner.query(`DROP TYPE "public"."melding_activity"`);
    await queryRunner.query(`DROP TYPE "public"."melding_test_result"`);
    await queryRunner.query(`DROP TYPE "public"."melding_disease"`);
    await queryRunner.query(`DROP TYPE "public"."melding_subject_kind"`);
    await queryRunner.query(`DROP TYPE "public"."melding_status"`);
    await queryRunner.query(`DROP TABLE "melding_reference_counter"`);
    await queryRunner.query(`DROP TABLE "melding_idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_school_credential_school"`);
    await queryRunner.query(`DROP TABLE "school_credential"`);
  }
}
