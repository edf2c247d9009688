import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795558030982 implements MigrationInterface {
  name = 'InitialSchema1795558030982';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inbox" ("event_id" uuid NOT NULL, "consumer" text NOT NULL, "topic" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_625a303addbbe1f30d3f65ed7fe" PRIMARY KEY ("event_id", "consumer"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL, "topic" text NOT NULL, "partition_key" text NOT NULL, "envelope" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_pending_idx" ON "outbox" ("available_at", "created_at") WHERE "sent_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "directory_clb" ("id" uuid NOT NULL, "name" text NOT NULL, "source_occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_715464641fc2c33112e0d2e50fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "directory_school" ("id" uuid NOT NULL, "clb_id" uuid NOT NULL, "instellingsnummer" character(6) NOT NULL, "name" text NOT NULL, "levels" text array NOT NULL, "source_occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e0710fea23e32cdb1bddbc14888" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_directory_school_clb" ON "directory_school" ("clb_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_directory_school_clb"`);
    await queryRunner.query(`DROP TABLE "directory_school"`);
    await queryRunner.query(`DROP TABLE "directory_clb"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_pending_idx"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "inbox"`);
  }
}
