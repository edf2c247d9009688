import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenancyScope } from '@meldpunt/auth';
import type { SchoolLevel } from '@meldpunt/contracts';
import { School } from './school.entity';

export interface SchoolAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
}

/** A school as the registry shows it: its own fields plus every CLB that serves it. */
export interface SchoolView {
  readonly id: string;
  readonly clbId: string;
  readonly instellingsnummer: string;
  readonly name: string;
  readonly address: SchoolAddress | null;
  readonly levels: readonly SchoolLevel[];
  readonly isInternaat: boolean;
  readonly extraClbIds: readonly string[];
  /** Own CLB first, then CLBs by agreement, then CLBs linked through internaat boarders; no duplicates. */
  readonly servingClbIds: readonly string[];
}

declare const IN_SCOPE: unique symbol;

/**
 * A school the caller's TenancyScope was checked against (only SchoolRepository's scoped reads return it), so
 * code that reads a school's tenant data (rosters) can demand the check in its signature.
 */
export type ScopedSchool = SchoolView & { readonly [IN_SCOPE]: true };

/** What the roster import needs to know about an internaat named in a file. */
export interface InternaatRef {
  readonly id: string;
  readonly instellingsnummer: string;
  readonly isInternaat: boolean;
  readonly levels: readonly SchoolLevel[];
}

export interface SchoolFields {
  readonly clbId: string;
  readonly instellingsnummer: string;
  readonly name: string;
  readonly address: SchoolAddress | null;
  readonly levels: readonly SchoolLevel[];
  readonly isInternaat: boolean;
  readonly extraClbIds: readonly string[];
}

interface SchoolRow {
  id: string;
  clb_id: string;
  instellingsnummer: string;
  name: string;
  address_street: string | null;
  address_postal_code: string | null;
  address_city: string | null;
  levels: SchoolLevel[];
  is_internaat: boolean;
  extra_clb_ids: string[];
  linked_clb_ids: string[];
}

/**
 * The serving CLBs of school `s` besides its own and the agreed ones: the CLBs of the internaten where its pupils
 * board, and the CLBs of the schools whose pupils board at it (boarding_link, kept by the roster import).
 */
const SELECT_VIEWS = `
  SELECT s.id, s.clb_id, s.instellingsnummer, s.name, s.address_street, s.address_postal_code, s.address_city,
         s.levels, s.is_internaat, s.extra_clb_ids::text[] AS extra_clb_ids,
         ARRAY(
           SELECT DISTINCT l.clb_id::text FROM (
             SELECT b.clb_id FROM boarding_link bl JOIN school b ON b.id = bl.internaat_id WHERE bl.school_id = s.id
             UNION
             SELECT a.clb_id FROM boarding_link bl JOIN school a ON a.id = bl.school_id WHERE bl.internaat_id = s.id
           ) l ORDER BY 1
         ) AS linked_clb_ids
  FROM school s`;

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function toView(row: SchoolRow): SchoolView {
  const address =
    row.address_street !== null && row.address_postal_code !== null && row.address_city !== null
      ? { street: row.address_street, postalCode: row.address_postal_code, city: row.address_city }
      : null;
  return {
    id: row.id,
    clbId: row.clb_id,
    instellingsnummer: row.instellingsnummer,
    name: row.name,
    address,
    levels: row.levels,
    isInternaat: row.is_internaat,
    extraClbIds: row.extra_clb_ids,
    servingClbIds: unique([row.clb_id, ...row.extra_clb_ids, ...row.linked_clb_ids]),
  };
}

/**
 * The registry's schools. Reads that return tenant data take the caller's TenancyScope; the scope's own rule
 * (`allowsSchool` with the serving CLBs) decides, so a CLB sees the schools it serves, including through an
 * internaat, and nothing else.
 */
@Injectable()
export class SchoolRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listInScope(scope: TenancyScope): Promise<ScopedSchool[]> {
    const rows: SchoolRow[] = await this.dataSource.query(`${SELECT_VIEWS} ORDER BY s.name, s.id`);
    return rows
      .map(toView)
      .filter((school) => scope.allowsSchool(school.id, school.servingClbIds)) as ScopedSchool[];
  }

  /** The school, or null when it does not exist or lies outside the scope (the caller cannot tell which). */
  async findInScope(scope: TenancyScope, schoolId: string): Promise<ScopedSchool | null> {
    const [school] = await this.views(this.dataSource.manager, [schoolId]);
    return school && scope.allowsSchool(school.id, school.servingClbIds) ? (school as ScopedSchool) : null;
  }

  /** Views of the given schools (no scope: for events and internal checks), in the order of the ids found. */
  async views(manager: EntityManager, schoolIds: readonly string[]): Promise<SchoolView[]> {
    if (schoolIds.length === 0) return [];
    const rows: SchoolRow[] = await manager.query(`${SELECT_VIEWS} WHERE s.id = ANY ($1::uuid[])`, [
      schoolIds,
    ]);
    return rows.map(toView);
  }

  async findByInstellingsnummer(manager: EntityManager, instellingsnummer: string): Promise<School | null> {
    return manager.getRepository(School).findOneBy({ instellingsnummer });
  }

  async findById(manager: EntityManager, schoolId: string): Promise<School | null> {
    return manager.getRepository(School).findOneBy({ id: schoolId });
  }

  /** The schools with these instellingsnummers (internaten named in a roster file), by instellingsnummer. */
  async findInternaten(numbers: readonly string[]): Promise<Map<string, InternaatRef>> {
    if (numbers.length === 0) return new Map();
    const rows: { id: string; instellingsnummer: string; is_internaat: boolean; levels: SchoolLevel[] }[] =
      await this.dataSource.query(
        'SELECT id, instellingsnummer, is_internaat, levels FROM school WHERE instellingsnummer = ANY ($1::text[])',
        [numbers],
      );
    return new Map(
      rows.map((row) => [
        row.instellingsnummer,
        {
          id: row.id,
          instellingsnummer: row.instellingsnummer,
          isInternaat: row.is_internaat,
          levels: row.levels,
        },
      ]),
    );
  }

  async save(manager: EntityManager, id: string, fields: SchoolFields): Promise<void> {
    const repository = manager.getRepository(School);
    await repository.save(
      repository.create({
        id,
        clbId: fields.clbId,
        instellingsnummer: fields.instellingsnummer,
        name: fields.name,
        levels: [...fields.levels],
        addressStreet: fields.address?.street ?? null,
        addressPostalCode: fields.address?.postalCode ?? null,
        addressCity: fields.address?.city ?? null,
        isInternaat: fields.isInternaat,
        extraClbIds: [...fields.extraClbIds],
      }),
    );
  }

  /**
   * Sets the internaten where `schoolId`'s boarders live (from the roster just applied in `manager`'s
   * transaction) and returns the ids of every school whose serving CLBs changed through it (the school itself
   * and internaten added or dropped), so the caller can announce them.
   */
  async replaceBoardingInternaten(
    manager: EntityManager,
    schoolId: string,
    internaatIds: readonly string[],
  ): Promise<string[]> {
    const next = unique(internaatIds.filter((id) => id !== schoolId)).sort();
    const current: { id: string }[] = await manager.query(
      'SELECT internaat_id::text AS id FROM boarding_link WHERE school_id = $1 ORDER BY 1',
      [schoolId],
    );
    const before = current.map((row) => row.id);
    if (before.join() === next.join()) return [];
    const touched = unique([schoolId, ...before, ...next]);
    const viewsBefore = new Map((await this.views(manager, touched)).map((view) => [view.id, view]));
    await manager.query(
      `WITH dropped AS (
         DELETE FROM boarding_link WHERE school_id = $1 AND NOT (internaat_id = ANY ($2::uuid[]))
       )
       INSERT INTO boarding_link (school_id, internaat_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [schoolId, next],
    );
    const viewsAfter = await this.views(manager, touched);
    return viewsAfter
      .filter((view) => viewsBefore.get(view.id)?.servingClbIds.join() !== view.servingClbIds.join())
      .map((view) => view.id);
  }
}
