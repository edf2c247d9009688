import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795560516179 implements MigrationInterface {
  name = 'InitialSchema1795560516179';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "clb_ids" uuid array NOT NULL DEFAULT '{}', "school_ids" uuid array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_user_account_role" CHECK ("role" IN ('school', 'clb-staff', 'doctor', 'coordinator', 'admin')), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_account_email" ON "user_account" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "session" ("id_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "csrf_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e9476905e96fde31ad0ba43b1d3" PRIMARY KEY ("id_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_session_user" ON "session" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_session_expires" ON "session" ("expires_at") `);
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "fk_session_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "fk_session_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_session_expires"`);
    await queryRunner.query(`DROP INDEX "public"."ix_session_user"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."uq_user_account_email"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
  }
}
