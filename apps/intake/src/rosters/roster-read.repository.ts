import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GroupKind, SchoolLevel } from '@meldpunt/contracts';
import type { ScopedSchool } from '../registry/school.repository';
import type { PupilStatus } from './pupil.entity';
import { searchable } from './validation/roster-row.validator';

export interface PupilListItem {
  readonly id: string;
  readonly ref: string;
  readonly pupilNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly status: PupilStatus;
  readonly classGroup: { readonly id: string; readonly name: string; readonly schoolYear: string };
  readonly livingGroup: { readonly id: string; readonly name: string; readonly schoolId: string } | null;
  /** The class, living group and extra groups: what a melding about the pupil concerns by default. */
  readonly groupIds: readonly string[];
}

export interface PupilQuery {
  readonly search?: string;
  /** A class (or any group) id: only its members. */
  readonly groupId?: string;
  readonly status: PupilStatus | 'all';
  readonly limit: number;
}

export interface GroupListItem {
  readonly id: string;
  readonly kind: GroupKind;
  readonly name: string;
  readonly level: SchoolLevel;
  readonly schoolYear: string;
  readonly pupilCount: number;
  readonly staffCount: number;
}

export interface StaffListItem {
  readonly id: string;
  readonly ref: string;
  readonly staffNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly status: PupilStatus;
  readonly classes: { id: string; name: string; schoolYear: string }[];
}

function likeTerm(token: string): string {
  return `%${token.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Reads of a school's roster. Every method takes a ScopedSchool, so the caller must have checked the caller's
 * tenancy with SchoolRepository first.
 */
/** Who a pseudonymous ref is: shown to the CLB on a case page, never sent on Kafka. */
export interface PersonByRef {
  readonly ref: string;
  readonly kind: 'pupil' | 'staff';
  readonly firstName: string;
  readonly lastName: string;
  readonly schoolId: string;
  /** The pupil's class; null for staff. */
  readonly groupName: string | null;
}

@Injectable()
export class RosterReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async pupils(school: ScopedSchool, query: PupilQuery): Promise<PupilListItem[]> {
    const parameters: unknown[] = [school.id];
    const where: string[] = ['p.school_id = $1'];
    if (query.status !== 'all') {
      parameters.push(query.status);
      where.push(`p.status = $${parameters.length}`);
    }
    if (query.groupId) {
      parameters.push(query.groupId);
      const at = `$${parameters.length}`;
      where.push(
        `(p.class_group_id = ${at} OR p.living_group_id = ${at} OR EXISTS (
           SELECT 1 FROM pupil_group pg WHERE pg.pupil_id = p.id AND pg.group_id = ${at}))`,
      );
    }
    for (const token of searchable(query.search ?? '')
      .split(/\s+/)
      .filter((part) => part !== '')
      .slice(0, 5)) {
      parameters.push(likeTerm(token));
      where.push(`p.search_text LIKE $${parameters.length}`);
    }
    parameters.push(query.limit);
    const rows: {
      id: string;
      ref: string;
      pupil_number: string;
      first_name: string;
      last_name: string;
      status: PupilStatus;
      class_id: string;
      class_name: string;
      class_year: string;
      living_id: string | null;
      living_name: string | null;
      living_school_id: string | null;
      extra_group_ids: string[];
    }[] = await this.dataSource.query(
      `SELECT p.id, p.ref, p.pupil_number, p.first_name, p.last_name, p.status,
              cg.id AS class_id, cg.name AS class_name, cg.school_year AS class_year,
              lg.id AS living_id, lg.name AS living_name, lg.school_id AS living_school_id,
              ARRAY(SELECT pg.group_id::text FROM pupil_group pg WHERE pg.pupil_id = p.id) AS extra_group_ids
       FROM pupil p
       JOIN roster_group cg ON cg.id = p.class_group_id
       LEFT JOIN roster_group lg ON lg.id = p.living_group_id
       WHERE ${where.join(' AND ')}
       ORDER BY p.last_name, p.first_name, p.pupil_number
       LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map((row) => ({
      id: row.id,
      ref: row.ref,
      pupilNumber: row.pupil_number,
      firstName: row.first_name,
      lastName: row.last_name,
      status: row.status,
      classGroup: { id: row.class_id, name: row.class_name, schoolYear: row.class_year },
      livingGroup:
        row.living_id && row.living_name && row.living_school_id
          ? { id: row.living_id, name: row.living_name, schoolId: row.living_school_id }
          : null,
      groupIds: [row.class_id, ...(row.living_id ? [row.living_id] : []), ...row.extra_group_ids],
    }));
  }

  /** The latest school year the school has groups in, or null. */
  async latestSchoolYear(school: ScopedSchool): Promise<string | null> {
    const rows: { school_year: string }[] = await this.dataSource.query(
      'SELECT max(school_year) AS school_year FROM roster_group WHERE school_id = $1',
      [school.id],
    );
    return rows[0]?.school_year ?? null;
  }

  /** The school's own classes, groups and living groups of a school year, with active member counts. */
  async groups(school: ScopedSchool, schoolYear: string, kind?: GroupKind): Promise<GroupListItem[]> {
    const rows: {
      id: string;
      kind: GroupKind;
      name: string;
      level: SchoolLevel;
      school_year: string;
      pupil_count: string;
      staff_count: string;
    }[] = await this.dataSource.query(
      `SELECT g.id, g.kind, g.name, g.level, g.school_year,
              (SELECT count(*) FROM pupil p WHERE p.school_id = $1 AND p.status = 'active' AND p.class_group_id = g.id)
              + (SELECT count(*) FROM pupil p WHERE p.living_group_id = g.id AND p.status = 'active')
              + (SELECT count(*) FROM pupil_group pg JOIN pupil p ON p.id = pg.pupil_id
                 WHERE pg.group_id = g.id AND p.status = 'active') AS pupil_count,
              (SELECT count(*) FROM staff_class sc JOIN staff_member s ON s.id = sc.staff_id
                 WHERE sc.group_id = g.id AND s.status = 'active') AS staff_count
       FROM roster_group g
       WHERE g.school_id = $1 AND g.school_year = $2 AND ($3::text IS NULL OR g.kind = $3)
       ORDER BY g.kind, g.name`,
      [school.id, schoolYear, kind ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      level: row.level,
      schoolYear: row.school_year,
      pupilCount: Number(row.pupil_count),
      staffCount: Number(row.staff_count),
    }));
  }

  /** Pupils and staff members with these pseudonymous refs, in any school (the caller scopes by school). */
  async peopleByRefs(refs: readonly string[]): Promise<PersonByRef[]> {
    if (refs.length === 0) return [];
    const rows: {
      ref: string;
      kind: 'pupil' | 'staff';
      first_name: string;
      last_name: string;
      school_id: string;
      group_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT p.ref, 'pupil' AS kind, p.first_name, p.last_name, p.school_id, cg.name AS group_name
         FROM pupil p LEFT JOIN roster_group cg ON cg.id = p.class_group_id
        WHERE p.ref = ANY ($1::uuid[])
       UNION ALL
       SELECT s.ref, 'staff' AS kind, s.first_name, s.last_name, s.school_id, NULL AS group_name
         FROM staff_member s
        WHERE s.ref = ANY ($1::uuid[])`,
      [refs],
    );
    return rows.map((row) => ({
      ref: row.ref,
      kind: row.kind,
      firstName: row.first_name,
      lastName: row.last_name,
      schoolId: row.school_id,
      groupName: row.group_name,
    }));
  }

  async staff(school: ScopedSchool, status: PupilStatus | 'all'): Promise<StaffListItem[]> {
    const rows: {
      id: string;
      ref: string;
      staff_number: string;
      first_name: string;
      last_name: string;
      status: PupilStatus;
      classes: { id: string; name: string; schoolYear: string }[] | null;
    }[] = await this.dataSource.query(
      `SELECT s.id, s.ref, s.staff_number, s.first_name, s.last_name, s.status,
              (SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'schoolYear', g.school_year)
                               ORDER BY g.school_year DESC, g.name)
                 FROM staff_class sc JOIN roster_group g ON g.id = sc.group_id WHERE sc.staff_id = s.id) AS classes
       FROM staff_member s
       WHERE s.school_id = $1 AND ($2::text = 'all' OR s.status = $2)
       ORDER BY s.last_name, s.first_name, s.staff_number`,
      [school.id, status],
    );
    return rows.map((row) => ({
      id: row.id,
      ref: row.ref,
      staffNumber: row.staff_number,
      firstName: row.first_name,
      lastName: row.last_name,
      status: row.status,
      classes: row.classes ?? [],
    }));
  }
}
