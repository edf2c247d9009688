import { Injectable } from '@nestjs/common';
import { guardianContactV1, type GuardianContactV1 } from '@meldpunt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { contactAad, ContactCipher } from './contact-crypto';

export interface ContactChange {
  readonly pupilRef: string;
  readonly guardianRef: string;
  /** null: the guardian was removed. */
  readonly contact: GuardianContactV1 | null;
}

/** A guardian of a pupil with opened contact details. */
export interface StoredGuardian {
  readonly pupilRef: string;
  readonly guardianRef: string;
  readonly contact: GuardianContactV1;
}

const MAX_ROWS_PER_STATEMENT = 2_000;

/** Guardian contacts, encrypted at rest; the only place they are encrypted or decrypted. Keyed per school. */
@Injectable()
export class GuardianContactRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: ContactCipher,
  ) {}

  /** Stores changes unless a newer event was already applied to the same guardian. */
  async apply(
    manager: EntityManager,
    schoolId: string,
    changes: readonly ContactChange[],
    occurredAt: Date,
  ): Promise<void> {
    for (let start = 0; start < changes.length; start += MAX_ROWS_PER_STATEMENT) {
      const chunk = changes.slice(start, start + MAX_ROWS_PER_STATEMENT);
      const params: unknown[] = [schoolId, occurredAt];
      const values = chunk.map((change) => {
        const encrypted =
          change.contact === null
            ? null
            : this.cipher.encrypt(
                JSON.stringify(change.contact),
                contactAad(schoolId, change.pupilRef, change.guardianRef),
              );
        params.push(change.pupilRef, change.guardianRef, encrypted);
        const base = params.length;
        return `($1, $${base - 2}::uuid, $${base - 1}::uuid, $${base}, $2)`;
      });
      await manager.query(
        `INSERT INTO guardian_contact (school_id, pupil_ref, guardian_ref, encrypted, source_occurred_at)
         VALUES ${values.join(', ')}
         ON CONFLICT (school_id, pupil_ref, guardian_ref) DO UPDATE
           SET encrypted = EXCLUDED.encrypted, source_occurred_at = EXCLUDED.source_occurred_at
           WHERE guardian_contact.source_occurred_at <= EXCLUDED.source_occurred_at`,
        params,
      );
    }
  }

  /** The current guardians of these pupils of a school, opened. */
  async guardiansOf(
    schoolId: string,
    pupilRefs: readonly string[],
    manager?: EntityManager,
  ): Promise<StoredGuardian[]> {
    if (pupilRefs.length === 0) return [];
    const rows = await (manager ?? this.dataSource.manager).query<
      { pupil_ref: string; guardian_ref: string; encrypted: string }[]
    >(
      `SELECT pupil_ref::text AS pupil_ref, guardian_ref::text AS guardian_ref, encrypted
         FROM guardian_contact
        WHERE school_id = $1 AND pupil_ref = ANY($2::uuid[]) AND encrypted IS NOT NULL
        ORDER BY pupil_ref, guardian_ref`,
      [schoolId, pupilRefs],
    );
    return rows.map((row) => ({
      pupilRef: row.pupil_ref,
      guardianRef: row.guardian_ref,
      contact: this.open(schoolId, row.pupil_ref, row.guardian_ref, row.encrypted),
    }));
  }

  /** One guardian's contact details, or null when unknown or removed. */
  async find(schoolId: string, pupilRef: string, guardianRef: string): Promise<GuardianContactV1 | null> {
    const rows = await this.dataSource.query<{ encrypted: string | null }[]>(
      `SELECT encrypted FROM guardian_contact WHERE school_id = $1 AND pupil_ref = $2 AND guardian_ref = $3`,
      [schoolId, pupilRef, guardianRef],
    );
    const encrypted = rows[0]?.encrypted;
    return encrypted ? this.open(schoolId, pupilRef, guardianRef, encrypted) : null;
  }

  private open(
    schoolId: string,
    pupilRef: string,
    guardianRef: string,
    encrypted: string,
  ): GuardianContactV1 {
    const json = this.cipher.decrypt(encrypted, contactAad(schoolId, pupilRef, guardianRef));
    return guardianContactV1.parse(JSON.parse(json));
  }
}
