import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { DataSource, type EntityManager, IsNull, MoreThan } from 'typeorm';
import type { SchoolSummary } from './school-lookup';
import { SchoolCredential } from './school-credential.entity';

/** School credentials. Reads for users take their TenancyScope; the authentication reads are system reads. */
@Injectable()
export class SchoolCredentialRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The school's credentials, newest first; null when the school is outside the caller's scope. */
  async listForSchool(scope: TenancyScope, school: SchoolSummary): Promise<SchoolCredential[] | null> {
    if (!scope.allowsSchool(school.id, [school.clbId])) return null;
    return this.dataSource
      .getRepository(SchoolCredential)
      .find({ where: { schoolId: school.id }, order: { createdAt: 'DESC' } });
  }

  /** System read for authentication: the credential of `keyId` if it still works at `now`. */
  async findUsable(keyId: string, now: Date): Promise<SchoolCredential | null> {
    return this.dataSource.getRepository(SchoolCredential).findOne({
      where: [
        { keyId, revokedAt: IsNull() },
        { keyId, revokedAt: MoreThan(now) },
      ],
    });
  }

  /** System read for webhook verification: every credential of the school that still works at `now`. */
  async usableForSchool(schoolId: string, now: Date): Promise<SchoolCredential[]> {
    return this.dataSource.getRepository(SchoolCredential).find({
      where: [
        { schoolId, revokedAt: IsNull() },
        { schoolId, revokedAt: MoreThan(now) },
      ],
      order: { createdAt: 'DESC' },
    });
  }

  /**
   * Inside the caller's transaction: serialises rotations of one school, ends the previous credentials at
   * `revokeAt` (kept earlier if already sooner), and stores the new one. Returns the key ids it revoked.
   */
  async rotate(manager: EntityManager, credential: SchoolCredential, revokeAt: Date): Promise<string[]> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `school-credentials:${credential.schoolId}`,
    ]);
    // TypeORM answers an UPDATE … RETURNING on Postgres with [rows, rowCount].
    const [revoked] = await manager.query<[Array<{ key_id: string }>, number]>(
      `UPDATE school_credential SET revoked_at = LEAST(COALESCE(revoked_at, 'infinity'), $2)
       WHERE school_id = $1 AND (revoked_at IS NULL OR revoked_at > $2)
       RETURNING key_id`,
      [credential.schoolId, revokeAt],
    );
    await manager.getRepository(SchoolCredential).insert(credential);
    return revoked.map((row) => row.key_id);
  }
}
