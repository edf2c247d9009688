import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SchoolSummary } from '../credentials/school-lookup';

/** A person on the school's roster, as the melding names them. */
export interface RosterSubject {
  readonly kind: 'pupil' | 'staff';
  /** The roster's id of the pupil or staff member. */
  readonly rosterId: string;
}

/** What a melding needs from the roster: pseudonymous ids only. */
export interface ResolvedSubject {
  /** The pseudonymous id that travels on Kafka (the same id the roster's group events use). */
  readonly ref: string;
  /** The person's current classes/groups/living groups (used when the melding names none). */
  readonly groupIds: readonly string[];
  /** Every CLB that must see a melding about this person: the school's, plus an internaat's CLB if another. */
  readonly clbIds: readonly string[];
}

/**
 * Port to the rosters feature (owned by another team; its tables live in ../rosters). The meldingen feature asks
 * it who a subject is and which groups exist, and never reads roster tables itself.
 */
export abstract class RosterLookup {
  /** null when the school's roster has no such person. */
  abstract resolveSubject(school: SchoolSummary, subject: RosterSubject): Promise<ResolvedSubject | null>;
  /** The ids among `groupIds` that are not groups of the school. */
  abstract unknownGroupIds(school: SchoolSummary, groupIds: readonly string[]): Promise<string[]>;
}

interface SubjectRow {
  ref: string;
  group_ids: string[] | null;
  clb_ids: string[] | null;
}

/**
 * RosterLookup on the rosters feature's tables (pupil, staff_member, roster_group, pupil_group, staff_class) and
 * the registry's school table. `rosterId` is the pupil's or staff member's id on the roster (its pseudonymous ref
 * is accepted too). The CLBs: the school's own, those serving it by agreement, and, for a pupil boarding at an
 * internaat, the internaat's CLB.
 */
@Injectable()
export class RosterTablesLookup extends RosterLookup {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async resolveSubject(school: SchoolSummary, subject: RosterSubject): Promise<ResolvedSubject | null> {
    const rows = await this.dataSource.query<SubjectRow[]>(subject.kind === 'pupil' ? PUPIL_SQL : STAFF_SQL, [
      subject.rosterId,
      school.id,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      ref: row.ref,
      groupIds: [...new Set(row.group_ids ?? [])],
      clbIds: [...new Set([school.clbId, ...(row.clb_ids ?? [])])],
    };
  }

  async unknownGroupIds(school: SchoolSummary, groupIds: readonly string[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT g.id::text AS id FROM roster_group g
       WHERE g.id = ANY ($1::uuid[])
         AND (g.school_id = $2
              OR g.id IN (SELECT p.living_group_id FROM pupil p WHERE p.school_id = $2 AND p.living_group_id IS NOT NULL))`,
      [groupIds, school.id],
    );
    const known = new Set(rows.map((row) => row.id));
    return groupIds.filter((id) => !known.has(id));
  }
}

/** The school's own CLB is added by the caller; agreed CLBs (extra_clb_ids) and the boarding internaat's here. */
const PUPIL_SQL = `
  SELECT p.ref::text AS ref,
         ARRAY_REMOVE(
           ARRAY[p.class_group_id, p.living_group_id]
             || ARRAY(SELECT pg.group_id FROM pupil_group pg WHERE pg.pupil_id = p.id),
           NULL)::text[] AS group_ids,
         (s.extra_clb_ids || ARRAY_REMOVE(ARRAY[internaat.clb_id], NULL))::text[] AS clb_ids
  FROM pupil p
  JOIN school s ON s.id = p.school_id
  LEFT JOIN roster_group living ON living.id = p.living_group_id
  LEFT JOIN school internaat ON internaat.id = living.school_id
  WHERE (p.id = $1 OR p.ref = $1) AND p.school_id = $2`;

const STAFF_SQL = `
  SELECT m.ref::text AS ref,
         ARRAY(SELECT sc.group_id FROM staff_class sc WHERE sc.staff_id = m.id)::text[] AS group_ids,
         s.extra_clb_ids::text[] AS clb_ids
  FROM staff_member m
  JOIN school s ON s.id = m.school_id
  WHERE (m.id = $1 OR m.ref = $1) AND m.school_id = $2`;
