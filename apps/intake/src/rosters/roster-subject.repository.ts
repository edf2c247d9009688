import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Who a melding is about, as the roster knows them: pseudonymous ids only. */
export interface RosterSubjectView {
  /** The pseudonymous id on Kafka. */
  readonly ref: string;
  /** The person's current class, living group and extra groups (pupils) or the classes they teach (staff). */
  readonly groupIds: readonly string[];
  /**
   * Every CLB that must see a melding about this person: the school's own CLB and agreed CLBs, plus, for a pupil
   * boarding at an internaat, that internaat's CLB(s).
   */
  readonly clbIds: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the meldingen feature needs from the rosters (shaped like its RosterLookup port, so it can be bound with
 * `{ provide: RosterLookup, useExisting: RosterSubjectRepository }`). Only active pupils and staff are found.
 */
@Injectable()
export class RosterSubjectRepository {
  constructor(private readonly dataSource: DataSource) {}

  async resolveSubject(
    school: { readonly id: string },
    subject: { readonly kind: 'pupil' | 'staff'; readonly rosterId: string },
  ): Promise<RosterSubjectView | null> {
    if (!UUID.test(subject.rosterId)) return null;
    const rows: { ref: string; group_ids: string[]; clb_ids: string[] }[] =
      subject.kind === 'pupil'
        ? await this.dataSource.query(
            `SELECT p.ref::text AS ref,
                    array_remove(ARRAY[p.class_group_id::text, p.living_group_id::text]
                      || ARRAY(SELECT pg.group_id::text FROM pupil_group pg WHERE pg.pupil_id = p.id), NULL) AS group_ids,
                    ARRAY[s.clb_id::text] || s.extra_clb_ids::text[]
                      || COALESCE(ARRAY[i.clb_id::text] || i.extra_clb_ids::text[], '{}') AS clb_ids
             FROM pupil p
             JOIN school s ON s.id = p.school_id
             LEFT JOIN roster_group lg ON lg.id = p.living_group_id
             LEFT JOIN school i ON i.id = lg.school_id
             WHERE p.id = $1 AND p.school_id = $2 AND p.status = 'active'`,
            [subject.rosterId, school.id],
          )
        : await this.dataSource.query(
            `SELECT m.ref::text AS ref,
                    ARRAY(SELECT sc.group_id::text FROM staff_class sc WHERE sc.staff_id = m.id) AS group_ids,
                    ARRAY[s.clb_id::text] || s.extra_clb_ids::text[] AS clb_ids
             FROM staff_member m JOIN school s ON s.id = m.school_id
             WHERE m.id = $1 AND m.school_id = $2 AND m.status = 'active'`,
            [subject.rosterId, school.id],
          );
    const row = rows[0];
    if (!row) return null;
    return { ref: row.ref, groupIds: row.group_ids, clbIds: [...new Set(row.clb_ids)] };
  }

  /**
   * The ids among `groupIds` that a melding of this school may not name: anything but the school's own groups and
   * the living groups (of internaten) its active pupils board in.
   */
  async unknownGroupIds(school: { readonly id: string }, groupIds: readonly string[]): Promise<string[]> {
    const candidates = groupIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
    if (candidates.length === 0) return [...groupIds];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT g.id::text AS id FROM roster_group g
       WHERE g.id = ANY ($1::uuid[])
         AND (g.school_id = $2
              OR EXISTS (SELECT 1 FROM pupil p WHERE p.living_group_id = g.id AND p.school_id = $2 AND p.status = 'active'))`,
      [candidates, school.id],
    );
    const known = new Set(rows.map((row) => row.id));
    return groupIds.filter((id) => !known.has(id.toLowerCase()));
  }
}
