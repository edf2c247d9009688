import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactChannel, GroupKind, SchoolLevel } from '@meldpunt/contracts';
import type { ValidPupil, ValidStaff } from './validation/roster-row.validator';

/**
 * A time-ordered uuid (version 7: milliseconds since the epoch, then random bits), for primary keys written in
 * bulk: new rows append to the index instead of landing on random pages. (Pseudonymous refs stay random.)
 */
const TIME_ORDERED_UUID = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
  substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1),
  'hex')::uuid`;

/** Rows per staging statement: one JSON parameter each (json_to_recordset), no per-row round trips. */
const STAGE_CHUNK = 20_000;
/** From this many pupils on, the staging tables get fresh statistics (the planner's row counts matter then). */
const ANALYZE_FROM_ROWS = 20_000;

export interface ApplyInput {
  readonly schoolId: string;
  readonly schoolYear: string;
  readonly startsOn: string;
  readonly endsOn: string;
  /** Pupils staged (decides whether statistics are refreshed). */
  readonly rows: number;
  /** The file said which extra groups each pupil is in (else memberships of extra groups stay). */
  readonly replaceGroups: boolean;
  /** The file carried a staff list (else staff stay as they are). */
  readonly replaceStaff: boolean;
}

export interface ApplyResult {
  readonly created: number;
  readonly updated: number;
  readonly gone: number;
  /** Guardians whose sealed contact must be (re)sent; page through them with changedContacts(). */
  readonly changedContacts: number;
  readonly removedGuardians: readonly { pupilRef: string; guardianRef: string }[];
  /** Internaten (other schools) where this school's active pupils now board. */
  readonly boardingInternaatIds: readonly string[];
}

export interface GroupMembership {
  readonly groupId: string;
  readonly schoolId: string;
  readonly schoolYear: string;
  readonly kind: GroupKind;
  readonly name: string;
  readonly level: SchoolLevel;
  readonly pupilRefs: string[];
  readonly staffRefs: string[];
}

export interface ChangedContact {
  readonly pupilRef: string;
  readonly guardianRef: string;
  readonly name: string;
  readonly householdLabel: string;
  readonly language: string;
  readonly email: string | null;
  readonly mobile: string | null;
  readonly preferredChannel: ContactChannel;
  readonly pupilFirstName: string;
  readonly pupilLastName: string;
}

/**
 * Session-level staging tables, created once per database connection and emptied by every commit (or dropped
 * with a rolled-back transaction that created them): no catalog churn per import.
 */
const STAGING_TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS tmp_pupil (
    pupil_number text NOT NULL, first_name text NOT NULL, last_name text NOT NULL, birth_date date NOT NULL,
    class_name text NOT NULL, class_level text NOT NULL, lg_school_id uuid, lg_name text, lg_level text,
    search_text text NOT NULL
  ) ON COMMIT DELETE ROWS;
  CREATE INDEX IF NOT EXISTS tmp_pupil_number ON tmp_pupil (pupil_number);
  CREATE TEMP TABLE IF NOT EXISTS tmp_guardian (
    pupil_number text NOT NULL, slot smallint NOT NULL, name text NOT NULL, household_label text NOT NULL,
    language text NOT NULL, email text, mobile text, preferred_channel text NOT NULL
  ) ON COMMIT DELETE ROWS;
  CREATE INDEX IF NOT EXISTS tmp_guardian_slot ON tmp_guardian (pupil_number, slot);
  CREATE TEMP TABLE IF NOT EXISTS tmp_pupil_group (pupil_number text NOT NULL, group_name text NOT NULL)
    ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_staff (staff_number text NOT NULL, first_name text NOT NULL, last_name text NOT NULL)
    ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_staff_class (staff_number text NOT NULL, class_name text NOT NULL, class_level text NOT NULL)
    ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_wanted_group (school_id uuid NOT NULL, kind text NOT NULL, name text NOT NULL,
    level text NOT NULL, id uuid) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_before (id uuid NOT NULL, pupil_number text NOT NULL, first_name text NOT NULL,
    last_name text NOT NULL, status text NOT NULL, class_group_id uuid NOT NULL, living_group_id uuid)
    ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_after (id uuid NOT NULL, ref uuid NOT NULL, pupil_number text NOT NULL,
    status text NOT NULL, class_group_id uuid NOT NULL, living_group_id uuid) ON COMMIT DELETE ROWS;
  CREATE INDEX IF NOT EXISTS tmp_after_number ON tmp_after (pupil_number);
  CREATE TEMP TABLE IF NOT EXISTS tmp_pupil_changes (id uuid NOT NULL, inserted boolean NOT NULL) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_contact_changes (pupil_id uuid NOT NULL, slot smallint NOT NULL,
    guardian_ref uuid NOT NULL, pupil_ref uuid NOT NULL, name text NOT NULL, household_label text NOT NULL,
    language text NOT NULL, email text, mobile text, preferred_channel text NOT NULL, pupil_first_name text NOT NULL,
    pupil_last_name text NOT NULL) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_removed (pupil_id uuid NOT NULL) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_members_before (member_id uuid NOT NULL, group_id uuid NOT NULL, pupil boolean NOT NULL)
    ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_members_after (member_id uuid NOT NULL, group_id uuid NOT NULL, pupil boolean NOT NULL)
    ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_member_diff (member_id uuid NOT NULL, group_id uuid NOT NULL, pupil boolean NOT NULL)
    ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS tmp_changed_groups (group_id uuid NOT NULL) ON COMMIT DELETE ROWS;`;

/**
 * The (member, group) pairs of the school's active pupils (`pupils`: tmp_before or tmp_after, both read through
 * the school's index) and staff.
 */
function membersOf(pupils: string, school: string): string {
  return `
    SELECT p.id, p.class_group_id, true FROM ${pupils} p WHERE p.status = 'active'
    UNION ALL
    SELECT p.id, p.living_group_id, true FROM ${pupils} p WHERE p.status = 'active' AND p.living_group_id IS NOT NULL
    UNION ALL
    SELECT pg.pupil_id, pg.group_id, true FROM ${pupils} p JOIN pupil_group pg ON pg.pupil_id = p.id WHERE p.status = 'active'
    UNION ALL
    SELECT sc.staff_id, sc.group_id, false FROM staff_member s JOIN staff_class sc ON sc.staff_id = s.id
     WHERE s.school_id = ${school} AND s.status = 'active'`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A uuid as an SQL literal; refuses anything else (the batches below inline their few scalar values). */
function uuidLiteral(value: string): string {
  if (!UUID.test(value)) throw new Error(`not a uuid: ${value}`);
  return `'${value}'::uuid`;
}

/** A text literal of a value matching `pattern` (no quotes possible in it). */
function textLiteral(value: string, pattern: RegExp): string {
  if (!pattern.test(value) || value.includes("'")) throw new Error(`unexpected value: ${value}`);
  return `'${value}'`;
}

interface PgResult {
  readonly rows: Record<string, unknown>[];
}

/** The transaction's own pg connection (TypeORM's query runner of `manager`). */
interface PgConnection {
  query(text: string): Promise<PgResult | PgResult[]>;
}

/**
 * Runs parameter-free statements as ONE simple query (one round trip; each statement still sees the effects of
 * the ones before it) on the transaction's connection, and returns each statement's result.
 */
async function batch(manager: EntityManager, statements: readonly string[]): Promise<PgResult[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('roster import statements must run inside the import transaction');
  const connection = (await runner.connect()) as PgConnection;
  const result = await connection.query(statements.join(';\n'));
  return Array.isArray(result) ? result : [result];
}

function lastRows(results: readonly PgResult[]): Record<string, unknown>[] {
  return results[results.length - 1]?.rows ?? [];
}

function lastRow(results: readonly PgResult[]): Record<string, unknown> | undefined {
  return lastRows(results)[0];
}

interface ContactRow {
  pupil_ref: string;
  guardian_ref: string;
  name: string;
  household_label: string;
  language: string;
  email: string | null;
  mobile: string | null;
  preferred_channel: ContactChannel;
  pupil_first_name: string;
  pupil_last_name: string;
}

async function run(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<void> {
  await manager.query(sql, parameters);
}

/**
 * The set-based roster apply, inside the import's one transaction (pass its manager to every call): rows are
 * staged into temporary tables in large JSON batches, then merged with a handful of INSERT … ON CONFLICT /
 * UPDATE / DELETE statements, and the changes (memberships, contacts) are found by diffing sets in SQL. Every
 * statement is driven by the staging tables or by an index on the school, never by a scan of all pupils, so a
 * school's import costs the same in an empty database as in a region's. No per-row round trips.
 */
@Injectable()
export class RosterBulkRepository {
  /**
   * Serialises imports of one school (a second waits for the first to commit), tunes the transaction for bulk
   * work and makes sure the staging tables exist on this connection.
   */
  async begin(manager: EntityManager, schoolId: string): Promise<void> {
    await batch(manager, [
      `SELECT pg_advisory_xact_lock(hashtextextended('roster-import:' || ${uuidLiteral(schoolId)}::text, 0))`,
      // Index probes are cheap on a warm database; without this the planner prefers scans of tables whose
      // statistics lag behind a bulk load. JIT compiling costs more than these short statements take. lz4
      // (where the server has it) compresses the large outbox envelopes far faster than the default pglz.
      `SET LOCAL work_mem = '64MB'`,
      `SET LOCAL random_page_cost = 1.1`,
      `SET LOCAL jit = off`,
      `DO $$ BEGIN PERFORM set_config('default_toast_compression', 'lz4', true);
       EXCEPTION WHEN OTHERS THEN NULL; END $$`,
      STAGING_TABLES,
    ]);
  }

  async stagePupils(manager: EntityManager, pupils: readonly ValidPupil[]): Promise<void> {
    for (let start = 0; start < pupils.length; start += STAGE_CHUNK) {
      const chunk = pupils.slice(start, start + STAGE_CHUNK);
      const rows = chunk.map((pupil) => ({
        n: pupil.pupilNumber,
        f: pupil.firstName,
        l: pupil.lastName,
        b: pupil.birthDate,
        c: pupil.className,
        cl: pupil.classLevel,
        ls: pupil.livingGroup?.schoolId ?? null,
        ln: pupil.livingGroup?.name ?? null,
        ll: pupil.livingGroup?.level ?? null,
        s: pupil.searchText,
      }));
      const guardians = chunk.flatMap((pupil) =>
        pupil.guardians.map((guardian) => ({
          n: pupil.pupilNumber,
          s: guardian.slot,
          a: guardian.name,
          h: guardian.householdLabel,
          l: guardian.language,
          e: guardian.email,
          m: guardian.mobile,
          c: guardian.preferredChannel,
        })),
      );
      const groups = chunk.flatMap((pupil) =>
        (pupil.groups ?? []).map((group) => ({ n: pupil.pupilNumber, g: group })),
      );
      await run(
        manager,
        `WITH p AS (
           INSERT INTO tmp_pupil SELECT n, f, l, b, c, cl, ls, ln, ll, s
           FROM json_to_recordset($1::json) AS x(n text, f text, l text, b date, c text, cl text, ls uuid, ln text, ll text, s text)
         ), g AS (
           INSERT INTO tmp_guardian SELECT n, s, a, h, l, e, m, c
           FROM json_to_recordset($2::json) AS x(n text, s smallint, a text, h text, l text, e text, m text, c text)
         )
         INSERT INTO tmp_pupil_group SELECT n, g FROM json_to_recordset($3::json) AS x(n text, g text)`,
        [JSON.stringify(rows), JSON.stringify(guardians), JSON.stringify(groups)],
      );
    }
  }

  async stageStaff(manager: EntityManager, staff: readonly ValidStaff[]): Promise<void> {
    const members = staff.map((member) => ({
      n: member.staffNumber,
      f: member.firstName,
      l: member.lastName,
    }));
    const classes = staff.flatMap((member) =>
      member.classes.map((klas) => ({ n: member.staffNumber, c: klas.name, l: klas.level })),
    );
    await run(
      manager,
      `WITH s AS (
         INSERT INTO tmp_staff SELECT n, f, l FROM json_to_recordset($1::json) AS x(n text, f text, l text)
       )
       INSERT INTO tmp_staff_class SELECT n, c, l FROM json_to_recordset($2::json) AS x(n text, c text, l text)`,
      [JSON.stringify(members), JSON.stringify(classes)],
    );
  }

  /** Merges the staged roster into the school's tables, in two round trips; see the class comment. */
  async apply(manager: EntityManager, input: ApplyInput): Promise<ApplyResult> {
    const school = uuidLiteral(input.schoolId);
    const year = textLiteral(input.schoolYear, /^\d{4}-\d{4}$/);
    const lookup = `(SELECT g.id FROM roster_group g
      WHERE g.school_id = w.school_id AND g.school_year = ${year} AND g.kind = w.kind AND g.name = w.name)`;

    const groups = await batch(manager, [
      // A region-sized import is planned on fresh statistics of what it staged. (Big tables are reached only
      // through the school's index or per-row index probes, whatever their possibly stale statistics say.)
      ...(input.rows >= ANALYZE_FROM_ROWS
        ? ['ANALYZE tmp_pupil', 'ANALYZE tmp_guardian', 'ANALYZE tmp_pupil_group']
        : []),
      `INSERT INTO school_year (label, starts_on, ends_on)
       VALUES (${year}, ${textLiteral(input.startsOn, ISO_DATE)}::date, ${textLiteral(input.endsOn, ISO_DATE)}::date)
       ON CONFLICT (label) DO NOTHING`,
      // Before: the school's pupils (through its index) and its memberships.
      `INSERT INTO tmp_before
       SELECT p.id, p.pupil_number, p.first_name, p.last_name, p.status, p.class_group_id, p.living_group_id
       FROM pupil p WHERE p.school_id = ${school}`,
      `INSERT INTO tmp_members_before ${membersOf('tmp_before', school)}`,
      // Groups: classes (of pupils and staff), living groups (at this or another internaat), extra groups.
      `INSERT INTO tmp_wanted_group (school_id, kind, name, level)
       SELECT DISTINCT ON (school_id, kind, name) school_id, kind, name, level FROM (
         SELECT ${school} AS school_id, 'class' AS kind, class_name AS name, class_level AS level FROM tmp_pupil
         UNION ALL
         SELECT lg_school_id, 'living-group', lg_name, lg_level FROM tmp_pupil WHERE lg_name IS NOT NULL
         UNION ALL
         SELECT ${school}, 'group', pg.group_name, t.class_level
           FROM tmp_pupil_group pg JOIN tmp_pupil t ON t.pupil_number = pg.pupil_number
         UNION ALL
         SELECT ${school}, 'class', class_name, class_level FROM tmp_staff_class
       ) all_groups
       ORDER BY school_id, kind, name, level`,
      // Existing groups by one index probe each; only missing ones are inserted, so an existing living group of
      // another internaat is never locked and imports of schools boarding at the same internaat run side by
      // side. A group inserted meanwhile by another import (skipped by ON CONFLICT) is found by the next lookup,
      // which runs in a fresh snapshot.
      `UPDATE tmp_wanted_group w SET id = ${lookup}`,
      `WITH inserted AS (
         INSERT INTO roster_group (id, school_id, school_year, kind, name, level, created_at, updated_at)
         SELECT gen_random_uuid(), w.school_id, ${year}, w.kind, w.name, w.level, now(), now()
         FROM tmp_wanted_group w WHERE w.id IS NULL
         ORDER BY w.school_id, w.kind, w.name
         ON CONFLICT ON CONSTRAINT uq_roster_group_name DO NOTHING
         RETURNING id, school_id, kind, name
       )
       UPDATE tmp_wanted_group w SET id = i.id FROM inserted i
       WHERE w.school_id = i.school_id AND w.kind = i.kind AND w.name = i.name`,
      `UPDATE tmp_wanted_group w SET id = ${lookup} WHERE w.id IS NULL`,
      `UPDATE roster_group g SET level = w.level, updated_at = now()
       FROM tmp_wanted_group w
       WHERE g.id = w.id AND w.school_id = ${school} AND g.kind <> 'living-group' AND g.level IS DISTINCT FROM w.level`,
      `SELECT count(*)::int AS unresolved FROM tmp_wanted_group WHERE id IS NULL`,
    ]);
    if (Number(lastRow(groups)?.unresolved ?? 1) !== 0)
      throw new Error('roster import: a group vanished while the import resolved it');

    const results = await batch(manager, [
      // Pupils: upsert by number (the ref never changes), then everyone missing from the file is gone.
      `WITH src AS (
         SELECT t.*, cg.id AS class_group_id, lg.id AS living_group_id
         FROM tmp_pupil t
         JOIN tmp_wanted_group cg ON cg.school_id = ${school} AND cg.kind = 'class' AND cg.name = t.class_name
         LEFT JOIN tmp_wanted_group lg
           ON t.lg_name IS NOT NULL AND lg.school_id = t.lg_school_id AND lg.kind = 'living-group' AND lg.name = t.lg_name
       ), up AS (
         INSERT INTO pupil AS p (id, ref, school_id, pupil_number, first_name, last_name, birth_date,
                                 class_group_id, living_group_id, status, search_text, gone_at, created_at, updated_at)
         SELECT ${TIME_ORDERED_UUID}, gen_random_uuid(), ${school}, pupil_number, first_name, last_name, birth_date,
                class_group_id, living_group_id, 'active', search_text, NULL, now(), now()
         FROM src
         ON CONFLICT ON CONSTRAINT uq_pupil_number DO UPDATE SET
           first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, birth_date = EXCLUDED.birth_date,
           class_group_id = EXCLUDED.class_group_id, living_group_id = EXCLUDED.living_group_id,
           status = 'active', search_text = EXCLUDED.search_text, gone_at = NULL, updated_at = now()
         WHERE (p.first_name, p.last_name, p.birth_date, p.class_group_id, p.living_group_id, p.status, p.search_text)
           IS DISTINCT FROM (EXCLUDED.first_name, EXCLUDED.last_name, EXCLUDED.birth_date, EXCLUDED.class_group_id,
                             EXCLUDED.living_group_id, 'active', EXCLUDED.search_text)
         RETURNING p.id, (p.xmax = 0) AS inserted
       )
       INSERT INTO tmp_pupil_changes SELECT id, inserted FROM up`,
      `WITH gone AS (
         UPDATE pupil p SET status = 'gone', gone_at = now(), updated_at = now()
         WHERE p.school_id = ${school} AND p.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM tmp_pupil t WHERE t.pupil_number = p.pupil_number)
         RETURNING p.id
       ) SELECT count(*)::int AS gone FROM gone`,
      `INSERT INTO tmp_after
       SELECT p.id, p.ref, p.pupil_number, p.status, p.class_group_id, p.living_group_id
       FROM pupil p WHERE p.school_id = ${school}`,
      // Guardians: upsert by (pupil, slot), noting whose contact changed (also through a renamed pupil, whose
      // name the sealed contact carries); then drop the slots the file no longer has.
      `WITH up AS (
         INSERT INTO guardian AS g (pupil_id, slot, ref, name, household_label, language, email, mobile,
                                    preferred_channel, created_at, updated_at)
         SELECT a.id, t.slot, gen_random_uuid(), t.name, t.household_label, t.language, t.email,
                t.mobile, t.preferred_channel, now(), now()
         FROM tmp_guardian t JOIN tmp_after a ON a.pupil_number = t.pupil_number
         ON CONFLICT ON CONSTRAINT pk_guardian DO UPDATE SET
           name = EXCLUDED.name, household_label = EXCLUDED.household_label, language = EXCLUDED.language,
           email = EXCLUDED.email, mobile = EXCLUDED.mobile, preferred_channel = EXCLUDED.preferred_channel,
           updated_at = now()
         WHERE (g.name, g.household_label, g.language, g.email, g.mobile, g.preferred_channel)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.household_label, EXCLUDED.language, EXCLUDED.email,
                             EXCLUDED.mobile, EXCLUDED.preferred_channel)
         RETURNING g.*
       )
       INSERT INTO tmp_contact_changes
       SELECT up.pupil_id, up.slot, up.ref, a.ref, up.name, up.household_label, up.language, up.email, up.mobile,
              up.preferred_channel, t.first_name, t.last_name
       FROM up JOIN tmp_after a ON a.id = up.pupil_id JOIN tmp_pupil t ON t.pupil_number = a.pupil_number`,
      `INSERT INTO tmp_contact_changes
       SELECT g.pupil_id, g.slot, g.ref, a.ref, g.name, g.household_label, g.language, g.email, g.mobile,
              g.preferred_channel, t.first_name, t.last_name
       FROM tmp_before b
       JOIN tmp_pupil t ON t.pupil_number = b.pupil_number
       JOIN tmp_after a ON a.id = b.id
       CROSS JOIN LATERAL (SELECT * FROM guardian g WHERE g.pupil_id = b.id OFFSET 0) g
       WHERE (b.first_name, b.last_name) IS DISTINCT FROM (t.first_name, t.last_name)
         AND NOT EXISTS (SELECT 1 FROM tmp_contact_changes c WHERE c.pupil_id = g.pupil_id AND c.slot = g.slot)`,
      `WITH doomed AS (
         SELECT g.ctid AS row, g.ref::text AS guardian_ref, a.ref::text AS pupil_ref, a.id AS pupil_id
         FROM tmp_after a
         CROSS JOIN LATERAL (SELECT ctid, slot, ref FROM guardian g WHERE g.pupil_id = a.id OFFSET 0) g
         WHERE a.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM tmp_guardian t WHERE t.pupil_number = a.pupil_number AND t.slot = g.slot)
       ), removed AS (
         DELETE FROM guardian WHERE ctid = ANY (ARRAY(SELECT row FROM doomed))
       ), noted AS (
         INSERT INTO tmp_removed SELECT pupil_id FROM doomed
       )
       SELECT guardian_ref, pupil_ref FROM doomed`,
      ...(input.replaceGroups ? extraGroupStatements(school, year) : []),
      ...(input.replaceStaff ? staffStatements(school, year) : []),
      // Which groups changed: the symmetric difference of the school's memberships before and after.
      `INSERT INTO tmp_members_after ${membersOf('tmp_after', school)}`,
      `WITH diff AS (
         INSERT INTO tmp_member_diff
         (SELECT member_id, group_id, pupil FROM tmp_members_before EXCEPT SELECT member_id, group_id, pupil FROM tmp_members_after)
         UNION ALL
         (SELECT member_id, group_id, pupil FROM tmp_members_after EXCEPT SELECT member_id, group_id, pupil FROM tmp_members_before)
         RETURNING member_id, group_id, pupil
       ), changed AS (
         INSERT INTO tmp_changed_groups SELECT DISTINCT group_id FROM diff
       )
       SELECT
         (SELECT count(*) FROM tmp_pupil_changes WHERE inserted)::int AS created,
         (SELECT count(DISTINCT u.id) FROM (
            SELECT id FROM tmp_pupil_changes WHERE NOT inserted
            UNION ALL SELECT pupil_id FROM tmp_contact_changes
            UNION ALL SELECT pupil_id FROM tmp_removed
            UNION ALL SELECT member_id FROM diff WHERE pupil
          ) u
          JOIN tmp_after a ON a.id = u.id AND a.status = 'active'
          WHERE NOT EXISTS (SELECT 1 FROM tmp_pupil_changes c WHERE c.id = u.id AND c.inserted))::int AS updated,
         (SELECT count(*) FROM tmp_contact_changes)::int AS contacts,
         ARRAY(SELECT DISTINCT w.school_id::text FROM tmp_after a JOIN tmp_wanted_group w ON w.id = a.living_group_id
               WHERE a.status = 'active' AND w.school_id <> ${school}) AS boarding`,
    ]);
    const gone = results[1]?.rows[0] as { gone: number } | undefined;
    const removed = (results[5]?.rows ?? []) as { guardian_ref: string; pupil_ref: string }[];
    const summary = lastRow(results) as
      { created: number; updated: number; contacts: number; boarding: string[] } | undefined;
    return {
      created: summary?.created ?? 0,
      updated: summary?.updated ?? 0,
      gone: gone?.gone ?? 0,
      changedContacts: summary?.contacts ?? 0,
      removedGuardians: removed.map((guardian) => ({
        pupilRef: guardian.pupil_ref,
        guardianRef: guardian.guardian_ref,
      })),
      boardingInternaatIds: summary?.boarding ?? [],
    };
  }

  /**
   * The current members of every group whose membership changed in this transaction (after apply()). A class
   * or extra group of the school has only the school's pupils (tmp_after); a living group may have boarders of
   * other schools, so it is read through the pupil table's living-group index.
   */
  async changedGroups(manager: EntityManager): Promise<GroupMembership[]> {
    const rows: {
      id: string;
      school_id: string;
      school_year: string;
      kind: GroupKind;
      name: string;
      level: SchoolLevel;
      pupil_refs: string[] | null;
      staff_refs: string[] | null;
    }[] = await manager.query(
      `WITH classes AS (
         SELECT a.class_group_id AS group_id, array_agg(a.ref::text ORDER BY a.ref::text) AS refs
         FROM tmp_after a JOIN tmp_changed_groups c ON c.group_id = a.class_group_id
         WHERE a.status = 'active' GROUP BY a.class_group_id
       )
       SELECT g.id::text AS id, g.school_id::text AS school_id, g.school_year, g.kind, g.name, g.level,
              CASE g.kind
                WHEN 'class' THEN cl.refs
                WHEN 'living-group' THEN lv.refs
                ELSE ex.refs
              END AS pupil_refs,
              st.refs AS staff_refs
       FROM tmp_changed_groups c
       CROSS JOIN LATERAL (SELECT * FROM roster_group g WHERE g.id = c.group_id OFFSET 0) g
       LEFT JOIN classes cl ON cl.group_id = g.id
       LEFT JOIN LATERAL (
         SELECT array_agg(p.ref::text ORDER BY p.ref::text) AS refs FROM pupil p
         WHERE g.kind = 'living-group' AND p.living_group_id = g.id AND p.status = 'active'
       ) lv ON true
       LEFT JOIN LATERAL (
         SELECT array_agg(p.ref::text ORDER BY p.ref::text) AS refs FROM pupil_group pg JOIN pupil p ON p.id = pg.pupil_id
         WHERE g.kind = 'group' AND pg.group_id = g.id AND p.status = 'active'
       ) ex ON true
       LEFT JOIN LATERAL (
         SELECT array_agg(s.ref::text ORDER BY s.ref::text) AS refs FROM staff_class sc JOIN staff_member s ON s.id = sc.staff_id
         WHERE sc.group_id = g.id AND s.status = 'active'
       ) st ON true`,
    );
    return rows
      .sort(
        (a, b) =>
          a.school_id.localeCompare(b.school_id) ||
          a.kind.localeCompare(b.kind) ||
          a.name.localeCompare(b.name),
      )
      .map((row) => ({
        groupId: row.id,
        schoolId: row.school_id,
        schoolYear: row.school_year,
        kind: row.kind,
        name: row.name,
        level: row.level,
        pupilRefs: row.pupil_refs ?? [],
        staffRefs: row.staff_refs ?? [],
      }));
  }

  /**
   * Reads the changed contacts (after apply()) in pages of `pageSize` through a cursor on the staging table: no
   * sort, no index, and a region's 2.4 million guardians never in memory at once.
   */
  async *changedContacts(manager: EntityManager, pageSize: number): AsyncGenerator<ChangedContact[]> {
    const fetch = `FETCH FORWARD ${Math.max(1, Math.floor(pageSize))} FROM roster_contacts`;
    // The cursor closes with the transaction.
    let rows = lastRows(
      await batch(manager, [
        `DECLARE roster_contacts NO SCROLL CURSOR FOR
         SELECT pupil_ref::text AS pupil_ref, guardian_ref::text AS guardian_ref, name, household_label, language,
                email, mobile, preferred_channel, pupil_first_name, pupil_last_name
         FROM tmp_contact_changes`,
        fetch,
      ]),
    );
    while (rows.length > 0) {
      yield (rows as unknown as ContactRow[]).map((row) => ({
        pupilRef: row.pupil_ref,
        guardianRef: row.guardian_ref,
        name: row.name,
        householdLabel: row.household_label,
        language: row.language,
        email: row.email,
        mobile: row.mobile,
        preferredChannel: row.preferred_channel,
        pupilFirstName: row.pupil_first_name,
        pupilLastName: row.pupil_last_name,
      }));
      rows = lastRows(await batch(manager, [fetch]));
    }
  }
}

/** Replaces the extra-group memberships of the pupils in the file (this school year). */
function extraGroupStatements(school: string, year: string): string[] {
  return [
    `WITH dropped AS (
       DELETE FROM pupil_group pg USING tmp_after a, roster_group g
       WHERE pg.pupil_id = a.id AND pg.group_id = g.id AND g.school_year = ${year} AND a.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM tmp_pupil_group t WHERE t.pupil_number = a.pupil_number AND t.group_name = g.name)
     )
     INSERT INTO pupil_group (pupil_id, group_id)
     SELECT a.id, w.id FROM tmp_pupil_group t
     JOIN tmp_after a ON a.pupil_number = t.pupil_number
     JOIN tmp_wanted_group w ON w.school_id = ${school} AND w.kind = 'group' AND w.name = t.group_name
     ON CONFLICT DO NOTHING`,
  ];
}

/** Upserts the staff list, marks staff missing from it gone, and replaces the classes they teach (this year). */
function staffStatements(school: string, year: string): string[] {
  return [
    `INSERT INTO staff_member AS s (id, ref, school_id, staff_number, first_name, last_name, status, gone_at,
                                    created_at, updated_at)
     SELECT gen_random_uuid(), gen_random_uuid(), ${school}, staff_number, first_name, last_name, 'active', NULL, now(), now()
     FROM tmp_staff
     ON CONFLICT ON CONSTRAINT uq_staff_number DO UPDATE SET first_name = EXCLUDED.first_name,
       last_name = EXCLUDED.last_name, status = 'active', gone_at = NULL, updated_at = now()
     WHERE (s.first_name, s.last_name, s.status) IS DISTINCT FROM (EXCLUDED.first_name, EXCLUDED.last_name, 'active')`,
    `UPDATE staff_member s SET status = 'gone', gone_at = now(), updated_at = now()
     WHERE s.school_id = ${school} AND s.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM tmp_staff t WHERE t.staff_number = s.staff_number)`,
    `WITH dropped AS (
       DELETE FROM staff_class sc USING staff_member s, roster_group g
       WHERE sc.staff_id = s.id AND sc.group_id = g.id AND s.school_id = ${school} AND g.school_year = ${year}
         AND NOT EXISTS (SELECT 1 FROM tmp_staff_class t
                         WHERE t.staff_number = s.staff_number AND g.kind = 'class' AND t.class_name = g.name)
     )
     INSERT INTO staff_class (staff_id, group_id)
     SELECT s.id, w.id FROM tmp_staff_class t
     JOIN staff_member s ON s.school_id = ${school} AND s.staff_number = t.staff_number
     JOIN tmp_wanted_group w ON w.school_id = ${school} AND w.kind = 'class' AND w.name = t.class_name
     ON CONFLICT DO NOTHING`,
  ];
}
