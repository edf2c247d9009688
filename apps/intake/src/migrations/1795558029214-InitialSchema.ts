import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795558029214 implements MigrationInterface {
  name = 'InitialSchema1795558029214';

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
      `CREATE TABLE "clb" ("id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a4e99c9a91fec63f597885b38d9" UNIQUE ("name"), CONSTRAINT "PK_5ff72d5a2f7a11e00c0bc7137a5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "school" ("id" uuid NOT NULL, "clb_id" uuid NOT NULL, "instellingsnummer" character(6) NOT NULL, "name" text NOT NULL, "levels" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b0c5b8fdcbd49391ea691b96a03" UNIQUE ("instellingsnummer"), CONSTRAINT "PK_57836c3fe2f2c7734b20911755e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_school_clb" ON "school" ("clb_id") `);
    await queryRunner.query(
      `ALTER TABLE "school" ADD CONSTRAINT "fk_school_clb" FOREIGN KEY ("clb_id") REFERENCES "clb"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "school" DROP CONSTRAINT "fk_school_clb"`);
    await queryRunner.query(`DROP INDEX "public"."ix_school_clb"`);
    await queryRunner.query(`DROP TABLE "school"`);
    await queryRunner.query(`DROP TABLE "clb"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_pending_idx"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "inbox"`);
  }
}
