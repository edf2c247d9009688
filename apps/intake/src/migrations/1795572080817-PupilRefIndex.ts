import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PupilRefIndex1795572080817 implements MigrationInterface {
  name = 'PupilRefIndex1795572080817';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_pupil_ref" ON "pupil" ("ref") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_pupil_ref"`);
  }
}
