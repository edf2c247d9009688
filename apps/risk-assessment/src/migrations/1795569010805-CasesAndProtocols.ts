import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesAndProtocols1795569010805 implements MigrationInterface {
  name = 'CasesAndProtocols1795569010805';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."case_contact_kind" AS ENUM('pupil', 'staff', 'external')`);
    await queryRunner.query(
      `CREATE TYPE "public"."case_contact_type" AS ENUM('classmate', 'teacher', 'boarding-group', 'household', 'activity')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_contact_level" AS ENUM('kleuter', 'lager', 'secundair', 'buitengewoon')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."case_contact_risk" AS ENUM('high', 'low', 'none')`);
    await queryRunner.query(
      `CREATE TABLE "case_contact" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "contact_ref" uuid NOT NULL, "contact_kind" "public"."case_contact_kind" NOT NULL, "contact_type" "public"."case_contact_type" NOT NULL, "level" "public"."case_contact_level" NOT NULL, "last_contact_date" date NOT NULL, "exposure_ids" uuid array NOT NULL, "label" text, "vaccinated" boolean, "proposal" jsonb NOT NULL, "override" jsonb, "risk" "public"."case_contact_risk" NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE, "removed_by" text, CONSTRAINT "PK_82214b763d72506f19a4dfa4f15" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_contact_ref" ON "case_contact" ("case_id", "contact_ref") `,
    );
    await queryRunner.query(
      `CREATE TABLE "case_decision" ("case_id" uuid NOT NULL, "version" integer NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" text NOT NULL, "event_id" uuid NOT NULL, "contacts" jsonb NOT NULL, "withdrawn_contact_refs" uuid array NOT NULL, CONSTRAINT "PK_64a6334e19e6833e7ca702d3408" PRIMARY KEY ("case_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_member_contact_kind" AS ENUM('pupil', 'staff', 'external')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_member_contact_type" AS ENUM('classmate', 'teacher', 'boarding-group', 'household', 'activity')`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_exposure_member" ("exposure_id" uuid NOT NULL, "contact_ref" uuid NOT NULL, "case_id" uuid NOT NULL, "contact_kind" "public"."case_member_contact_kind" NOT NULL, "contact_type" "public"."case_member_contact_type", "last_contact_date" date, "source" text NOT NULL, "label" text, CONSTRAINT "PK_d62e37a6b953774bbf33f355d8f" PRIMARY KEY ("exposure_id", "contact_ref"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_exposure_member_case" ON "case_exposure_member" ("case_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_exposure_kind" AS ENUM('class', 'group', 'living-group', 'activity', 'household', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_exposure_activity" AS ENUM('excursion', 'bus', 'sports', 'boarding', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_exposure_level" AS ENUM('kleuter', 'lager', 'secundair', 'buitengewoon')`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_exposure" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" "public"."case_exposure_kind" NOT NULL, "group_id" uuid, "activity" "public"."case_exposure_activity", "label" text, "level" "public"."case_exposure_level", "last_contact_date" date NOT NULL, "awaiting_roster" boolean NOT NULL DEFAULT false, "source" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9fcc6a575b596e0721e91764495" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_exposure_group_id" ON "case_exposure" ("group_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_exposure_activity" ON "case_exposure" ("case_id", "activity") WHERE activity IS NOT NULL AND source = 'melding'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_exposure_group" ON "case_exposure" ("case_id", "group_id") WHERE group_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_melding_disease" AS ENUM('covid-19', 'mumps', 'measles', 'meningococcal', 'pertussis', 'scarlet-fever', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_melding_test_result" AS ENUM('positive', 'negative', 'pending')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_melding_activity" AS ENUM('excursion', 'bus', 'sports', 'boarding', 'other')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."case_melding_channel" AS ENUM('form', 'api', 'webhook')`);
    await queryRunner.query(
      `CREATE TABLE "case_melding" ("case_id" uuid NOT NULL, "melding_id" uuid NOT NULL, "reference" text NOT NULL, "school_id" uuid NOT NULL, "subject_ref" uuid NOT NULL, "disease" "public"."case_melding_disease" NOT NULL, "onset_date" date, "test_date" date, "test_result" "public"."case_melding_test_result", "last_day_present" date NOT NULL, "group_ids" uuid array NOT NULL, "activities" "public"."case_melding_activity" array NOT NULL, "channel" "public"."case_melding_channel" NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "event_id" uuid NOT NULL, CONSTRAINT "PK_0338d3d27cb25d8de74c7038b6c" PRIMARY KEY ("case_id", "melding_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_timeline" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" text NOT NULL, "actor" text NOT NULL, "details" jsonb NOT NULL, CONSTRAINT "PK_fbce09b4caecdb57aa733a66dd5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_timeline_case" ON "case_timeline" ("case_id", "seq") `);
    await queryRunner.query(
      `CREATE TYPE "public"."letter_status_status" AS ENUM('delivered', 'failed', 'unreachable')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."letter_status_channel" AS ENUM('email', 'sms')`);
    await queryRunner.query(
      `CREATE TABLE "letter_status" ("case_id" uuid NOT NULL, "decision_version" integer NOT NULL, "contact_ref" uuid NOT NULL, "guardian_ref" uuid NOT NULL, "status" "public"."letter_status_status" NOT NULL, "channel" "public"."letter_status_channel", "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4327ddd3cb7c5a088e3f2282a3e" PRIMARY KEY ("case_id", "decision_version", "contact_ref", "guardian_ref"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."risk_case_subject_kind" AS ENUM('pupil', 'staff', 'unlisted')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."risk_case_disease" AS ENUM('covid-19', 'mumps', 'measles', 'meningococcal', 'pertussis', 'scarlet-fever', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."risk_case_level" AS ENUM('kleuter', 'lager', 'secundair', 'buitengewoon')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."risk_case_status" AS ENUM('open', 'decided')`);
    await queryRunner.query(`CREATE TYPE "public"."risk_case_urgency" AS ENUM('critical', 'high', 'normal')`);
    await queryRunner.query(
      `CREATE TYPE "public"."risk_case_test_result" AS ENUM('positive', 'negative', 'pending')`,
    );
    await queryRunner.query(
      `CREATE TABLE "risk_case" ("id" uuid NOT NULL, "clb_id" uuid NOT NULL, "school_id" uuid NOT NULL, "correlation_id" text NOT NULL, "reference" text NOT NULL, "subject_kind" "public"."risk_case_subject_kind" NOT NULL, "subject_ref" uuid NOT NULL, "disease" "public"."risk_case_disease" NOT NULL, "level" "public"."risk_case_level" NOT NULL, "status" "public"."risk_case_status" NOT NULL, "urgency" "public"."risk_case_urgency" NOT NULL, "urgency_rank" smallint NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE, "always_page" boolean NOT NULL, "urgency_rule" jsonb NOT NULL, "onset_date" date, "test_date" date, "test_result" "public"."risk_case_test_result", "last_day_present" date NOT NULL, "facts_received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assignee_id" text, "assigned_at" TIMESTAMP WITH TIME ZONE, "decision_version" integer NOT NULL DEFAULT '0', "decided_at" TIMESTAMP WITH TIME ZONE, "reassessment" boolean NOT NULL DEFAULT false, "contact_count" integer NOT NULL DEFAULT '0', "high_risk_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_57082c8c3ae2697f081a48fdc42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_risk_case_queue" ON "risk_case" ("clb_id", "status", "urgency_rank", "deadline", "queued_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_risk_case_subject" ON "risk_case" ("clb_id", "subject_ref", "disease") `,
    );
    await queryRunner.query(
      `CREATE TABLE "protocol_audit" ("id" uuid NOT NULL, "protocol_id" text NOT NULL, "version" integer NOT NULL, "action" text NOT NULL, "actor" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, "changes" jsonb NOT NULL, CONSTRAINT "PK_134c75f40651f6449bab9545aaf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_protocol_audit_protocol" ON "protocol_audit" ("protocol_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "protocol_version" ("id" uuid NOT NULL, "protocol_id" text NOT NULL, "version" integer NOT NULL, "effective_from" date NOT NULL, "definition" jsonb NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_protocol_version" UNIQUE ("protocol_id", "version"), CONSTRAINT "PK_dfbd8c67b97ba95a58ecc403d6b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_protocol_version_effective" ON "protocol_version" ("protocol_id", "effective_from") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."roster_group_kind" AS ENUM('class', 'group', 'living-group')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."roster_group_level" AS ENUM('kleuter', 'lager', 'secundair', 'buitengewoon')`,
    );
    await queryRunner.query(
      `CREATE TABLE "roster_group" ("id" uuid NOT NULL, "school_id" uuid NOT NULL, "school_year" text NOT NULL, "kind" "public"."roster_group_kind" NOT NULL, "name" text NOT NULL, "level" "public"."roster_group_level" NOT NULL, "pupil_refs" uuid array NOT NULL, "staff_refs" uuid array NOT NULL, "source_occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_00a2ecb7f255c9bee294a540501" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_roster_group_school" ON "roster_group" ("school_id", "school_year") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_roster_group_school"`);
    await queryRunner.query(`DROP TABLE "roster_group"`);
    await queryRunner.query(`DROP TYPE "public"."roster_group_level"`);
    await queryRunner.query(`DROP TYPE "public"."roster_group_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_protocol_version_effective"`);
    await queryRunner.query(`DROP TABLE "protocol_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_protocol_audit_protocol"`);
    await queryRunner.query(`DROP TABLE "protocol_audit"`);
    await queryRunner.query(`DROP INDEX "public"."ux_risk_case_subject"`);
    await queryRunner.query(`DROP INDEX "public"."ix_risk_case_queue"`);
    await queryRunner.query(`DROP TABLE "risk_case"`);
    await queryRunner.query(`DROP TYPE "public"."risk_case_test_result"`);
    await queryRunner.query(`DROP TYPE "public"."risk_case_urgency"`);
    await queryRunner.query(`DROP TYPE "public"."risk_case_status"`);
    await queryRunner.query(`DROP TYPE "public"."risk_case_level"`);
    await queryRunner.query(`DROP TYPE "public"."risk_case_disease"`);
    await queryRunner.query(`DROP TYPE "public"."risk_case_subject_kind"`);
    await queryRunner.query(`DROP TABLE "letter_status"`);
    await queryRunner.query(`DROP TYPE "public"."letter_status_channel"`);
    await queryRunner.query(`DROP TYPE "public"."letter_status_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_timeline_case"`);
    await queryRunner.query(`DROP TABLE "case_timeline"`);
    await queryRunner.query(`DROP TABLE "case_melding"`);
    await queryRunner.query(`DROP TYPE "public"."case_melding_channel"`);
    await queryRunner.query(`DROP TYPE "public"."case_melding_activity"`);
    await queryRunner.query(`DROP TYPE "public"."case_melding_test_result"`);
    await queryRunner.query(`DROP TYPE "public"."case_melding_disease"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_exposure_group"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_exposure_activity"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_exposure_group_id"`);
    await queryRunner.query(`DROP TABLE "case_exposure"`);
    await queryRunner.query(`DROP TYPE "public"."case_exposure_level"`);
    await queryRunner.query(`DROP TYPE "public"."case_exposure_activity"`);
    await queryRunner.query(`DROP TYPE "public"."case_exposure_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_exposure_member_case"`);
    await queryRunner.query(`DROP TABLE "case_exposure_member"`);
    await queryRunner.query(`DROP TYPE "public"."case_member_contact_type"`);
    await queryRunner.query(`DROP TYPE "public"."case_member_contact_kind"`);
    await queryRunner.query(`DROP TABLE "case_decision"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_contact_ref"`);
    await queryRunner.query(`DROP TABLE "case_contact"`);
    await queryRunner.query(`DROP TYPE "public"."case_contact_risk"`);
    await queryRunner.query(`DROP TYPE "public"."case_contact_level"`);
    await queryRunner.query(`DROP TYPE "public"."case_contact_type"`);
    await queryRunner.query(`DROP TYPE "public"."case_contact_kind"`);
  }
}
