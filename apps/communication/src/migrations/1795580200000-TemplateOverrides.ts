import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TemplateOverrides1795580200000 implements MigrationInterface {
  name = 'TemplateOverrides1795580200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "template_override" ("id" uuid NOT NULL, "language" text NOT NULL, "key" text NOT NULL, "text" text NOT NULL, "version" integer NOT NULL, "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_template_override" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_template_override_language_key" ON "template_override" ("language", "key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "template_override_history" ("id" uuid NOT NULL, "language" text NOT NULL, "key" text NOT NULL, "action" text NOT NULL, "text" text, "version" integer NOT NULL, "changed_by" text NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_template_override_history" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_template_override_history_key" ON "template_override_history" ("language", "key", "changed_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_template_override_history_key"`);
    await queryRunner.query(`DROP TABLE "template_override_history"`);
    await queryRunner.query(`DROP INDEX "public"."uq_template_override_language_key"`);
    await queryRunner.query(`DROP TABLE "template_override"`);
  }
}
