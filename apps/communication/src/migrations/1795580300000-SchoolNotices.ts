import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolNotices1795580300000 implements MigrationInterface {
  name = 'SchoolNotices1795580300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "school_notice" ("case_id" uuid NOT NULL, "decision_version" integer NOT NULL, "notice_id" uuid NOT NULL, "school_id" uuid NOT NULL, "classes" jsonb NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_school_notice" PRIMARY KEY ("case_id", "decision_version"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "school_notice"`);
  }
}
