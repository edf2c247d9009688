import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RosterImportUpload } from './roster-import-upload.entity';
import {
  RosterImport,
  type RosterImportFormat,
  type RosterImportStatus,
  type StoredRowError,
} from './roster-import.entity';

export interface NewRosterImport {
  readonly id: string;
  readonly schoolId: string;
  readonly schoolYear: string;
  readonly format: RosterImportFormat;
  readonly content: string;
  readonly requestedBy: string;
  readonly correlationId: string;
  readonly idempotencyKey: string | null;
}

export interface ClaimedImport {
  readonly id: string;
  readonly schoolId: string;
  readonly schoolYear: string;
  readonly format: RosterImportFormat;
  readonly correlationId: string;
}

export interface ImportCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly gone: number;
}

const ACTIVE: readonly RosterImportStatus[] = ['queued', 'validating', 'applying'];

/** The roster_import status rows and their uploads. Status changes outside the apply transaction commit at once. */
@Injectable()
export class RosterImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a new import with its upload; with an idempotency key already used for this school, stores nothing
   * and returns the earlier import's id.
   */
  async create(input: NewRosterImport): Promise<{ id: string; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO roster_import (id, school_id, school_year, format, status, requested_by, correlation_id, idempotency_key)
         VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7)
         ON CONFLICT (school_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [
          input.id,
          input.schoolId,
          input.schoolYear,
          input.format,
          input.requestedBy,
          input.correlationId,
          input.idempotencyKey,
        ],
      );
      if (inserted.length === 0) {
        const existing = await manager.getRepository(RosterImport).findOneOrFail({
          select: { id: true },
          where: { schoolId: input.schoolId, idempotencyKey: input.idempotencyKey ?? '' },
        });
        return { id: existing.id, created: false };
      }
      await manager.getRepository(RosterImportUpload).insert({ importId: input.id, content: input.content });
      return { id: input.id, created: true };
    });
  }

  async findById(importId: string): Promise<RosterImport | null> {
    return this.dataSource.getRepository(RosterImport).findOneBy({ id: importId });
  }

  async listForSchool(schoolId: string, limit: number): Promise<RosterImport[]> {
    return this.dataSource
      .getRepository(RosterImport)
      .find({ where: { schoolId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** Moves a waiting (or interrupted) import to `validating`; null when it is finished or unknown. */
  async claim(importId: string): Promise<ClaimedImport | null> {
    const rows: {
      id: string;
      school_id: string;
      school_year: string;
      format: RosterImportFormat;
      correlation_id: string;
    }[] = await this.dataSource.query(
      // In a CTE, so the driver answers with rows (a bare UPDATE … RETURNING comes back as [rows, count]).
      `WITH claimed AS (
         UPDATE roster_import SET status = 'validating', processed = 0, started_at = now(), failure_reason = NULL
         WHERE id = $1 AND status = ANY ($2::text[])
         RETURNING id, school_id, school_year, format, correlation_id
       ) SELECT * FROM claimed`,
      [importId, ACTIVE],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          schoolId: row.school_id,
          schoolYear: row.school_year,
          format: row.format,
          correlationId: row.correlation_id,
        }
      : null;
  }

  async readUpload(importId: string): Promise<string | null> {
    const upload = await this.dataSource.getRepository(RosterImportUpload).findOneBy({ importId });
    return upload?.content ?? null;
  }

  async progress(importId: string, processed: number, total: number): Promise<void> {
    await this.dataSource.query(
      'UPDATE roster_import SET processed = $2, total = GREATEST(total, $3) WHERE id = $1',
      [importId, processed, total],
    );
  }

  async markApplying(importId: string, total: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE roster_import SET status = 'applying', total = $2, processed = $2 WHERE id = $1`,
      [importId, total],
    );
  }

  /** Inside the apply transaction: the import is applied exactly when its data is. */
  async markApplied(
    manager: EntityManager,
    importId: string,
    counts: ImportCounts,
    ignoredColumns: readonly string[],
  ): Promise<void> {
    await manager.query(
      `WITH upload AS (DELETE FROM roster_import_upload WHERE import_id = $1)
       UPDATE roster_import SET status = 'applied', created_count = $2, updated_count = $3, unchanged_count = $4,
         gone_count = $5, ignored_columns = $6::text[], finished_at = now()
       WHERE id = $1`,
      [importId, counts.created, counts.updated, counts.unchanged, counts.gone, [...ignoredColumns]],
    );
  }

  async markRejected(
    importId: string,
    result: {
      total: number;
      errors: readonly StoredRowError[];
      errorCount: number;
      ignoredColumns: readonly string[];
    },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE roster_import SET status = 'rejected', total = $2, processed = $2, errors = $3::jsonb,
           error_count = $4, ignored_columns = $5::text[], finished_at = now()
         WHERE id = $1`,
        [
          importId,
          result.total,
          JSON.stringify(result.errors),
          result.errorCount,
          [...result.ignoredColumns],
        ],
      );
      await manager.query('DELETE FROM roster_import_upload WHERE import_id = $1', [importId]);
    });
  }

  /** A technical failure: `retrying` puts it back in the queue state, otherwise it fails for good. */
  async markFailed(importId: string, reason: string, retrying: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE roster_import SET status = $2, failure_reason = $3, finished_at = CASE WHEN $4 THEN NULL ELSE now() END
         WHERE id = $1 AND status = ANY ($5::text[])`,
        [importId, retrying ? 'queued' : 'failed', reason.slice(0, 2_000), retrying, ACTIVE],
      );
      if (!retrying) await manager.query('DELETE FROM roster_import_upload WHERE import_id = $1', [importId]);
    });
  }
}
