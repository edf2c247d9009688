import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { SchoolNotice } from './school-notice.entity';

@Injectable()
export class SchoolNoticeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a notice; a version already stored (a replay) is left alone. */
  async insert(manager: EntityManager, notice: SchoolNotice): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(SchoolNotice)
      .values(notice)
      .orIgnore()
      .returning('notice_id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** The roster's names of these groups (classes, groups, living groups), by id. */
  async groupNames(groupIds: readonly string[]): Promise<Map<string, string>> {
    if (groupIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id::text AS id, name FROM roster_group WHERE id = ANY($1::uuid[])`,
      [[...new Set(groupIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** The latest version of every case's notice in the caller's scope, newest first. */
  async latestInScope(scope: TenancyScope, limit: number, offset: number): Promise<SchoolNotice[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (scope.schoolIds !== null) {
      parameters.push([...scope.schoolIds]);
      conditions.push(`school_id = ANY($${parameters.length}::uuid[])`);
    }
    if (scope.clbIds !== null) {
      parameters.push([...scope.clbIds]);
      conditions.push(`clb_id = ANY($${parameters.length}::uuid[])`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' OR ')}` : '';
    parameters.push(limit, offset);
    const rows: NoticeRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (case_id) * FROM school_notice ${where} ORDER BY case_id, decision_version DESC
       ) latest ORDER BY issued_at DESC, notice_id LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
      parameters,
    );
    return rows.map((row) =>
      Object.assign(new SchoolNotice(), {
        noticeId: row.notice_id,
        schoolId: row.school_id,
        clbId: row.clb_id,
        caseId: row.case_id,
        decisionVersion: row.decision_version,
        disease: row.disease,
        issuedAt: row.issued_at,
        classes: row.classes,
      }),
    );
  }
}

interface NoticeRow {
  readonly notice_id: string;
  readonly school_id: string;
  readonly clb_id: string;
  readonly case_id: string;
  readonly decision_version: number;
  readonly disease: string;
  readonly issued_at: Date;
  readonly classes: SchoolNotice['classes'];
}
