import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolNotices1795579176553 implements MigrationInterface {
  name = 'SchoolNotices1795579176553';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "school_notice" ("notice_id" uuid NOT NULL, "school_id" uuid NOT NULL, "clb_id" uuid NOT NULL, "case_id" uuid NOT NULL, "decision_version" integer NOT NULL, "disease" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "classes" jsonb NOT NULL, CONSTRAINT "pk_school_notice" PRIMARY KEY ("notice_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_school_notice_school" ON "school_notice" ("school_id", "issued_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_school_notice_case_version" ON "school_notice" ("case_id", "decision_version") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_school_notice_case_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_school_notice_school"`);
    await queryRunner.query(`DROP TABLE "school_notice"`);
  }
}
