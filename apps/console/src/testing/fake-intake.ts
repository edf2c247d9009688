// Test double of the intake service on node:http: verifies the console's bearer token like the real service
// (ServiceTokenVerifier, audience "intake") and serves the endpoints the console's pages use, from memory, in the
// shapes of intake's response DTOs (apps/intake/src/{registry,rosters,meldingen}/dto). When intake's API changes,
// change this file with it: the console's tests trust it.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { TenancyScope, type Principal } from '@meldpunt/auth';
import { FakeService, type FakeCall } from './fake-service';

/** SchoolResponseDto. */
export interface FakeSchool {
  id: string;
  clbId: string;
  name: string;
  instellingsnummer: string;
  address: { street: string; postalCode: string; city: string } | null;
  levels: string[];
  isInternaat: boolean;
  extraClbIds: string[];
  servingClbIds: string[];
}

/** GroupResponseDto. */
export interface FakeGroup {
  id: string;
  kind: 'class' | 'group' | 'living-group';
  name: string;
  level: string;
  schoolYear: string;
  pupilCount: number;
  staffCount: number;
}

/** PupilResponseDto. */
export interface FakePupil {
  id: string;
  ref: string;
  pupilNumber: string;
  firstName: string;
  lastName: string;
  name: string;
  class: { id: string; name: string; schoolYear: string };
  className: string;
  groupIds: string[];
  livingGroup: { id: string; name: string; schoolId: string } | null;
  status: 'active' | 'gone';
}

/** StaffResponseDto. */
export interface FakeStaff {
  id: string;
  ref: string;
  staffNumber: string;
  firstName: string;
  lastName: string;
  status: 'active' | 'gone';
  classes: { id: string; name: string; schoolYear: string }[];
}

/** MeldingResponseDto. */
export interface FakeMelding {
  meldingId: string;
  reference: string;
  schoolId: string;
  status: 'received' | 'being-assessed' | 'measures-decided' | 'letters-sent';
  statusChangedAt: string;
  subjectKind: 'pupil' | 'staff' | 'unlisted';
  disease: string;
  onsetDate: string | null;
  test: { date: string; result: string } | null;
  lastDayPresent: string;
  channel: 'form' | 'api' | 'webhook';
  createdAt: string;
}

export interface FakeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly principal: Principal | null;
  readonly body: string;
}

interface RowError {
  line: number;
  field: string;
  reason: string;
}

interface ParsedPupil {
  pupilNumber: string;
  firstName: string;
  lastName: string;
  className: string;
}

/** RosterImportResponseDto, plus what the fake needs to finish the import. */
interface FakeImport {
  importId: string;
  schoolId: string;
  schoolYear: string;
  format: 'csv';
  status: 'queued' | 'validating' | 'applying' | 'applied' | 'rejected' | 'failed';
  total: number;
  processed: number;
  counts: { created: number; updated: number; unchanged: number; gone: number };
  errors: RowError[];
  errorCount: number;
  ignoredColumns: string[];
  failureReason: string | null;
  createdAt: string;
  finishedAt: string | null;
  polls: number;
  rows: ParsedPupil[];
}

/** Intake's texts (rosters.messages.ts, meldingen.messages.ts) that the console shows as they come. */
export const FAKE_MESSAGES = {
  schoolNotFound: 'Deze school bestaat niet of u hebt er geen toegang toe.',
  importNotFound: 'Deze import bestaat niet of u hebt er geen toegang toe.',
  required: 'Dit veld is verplicht.',
  date: 'Ongeldige datum: gebruik dd/mm/jjjj of jjjj-mm-dd.',
  missingColumn: 'Deze verplichte kolom ontbreekt.',
  onsetInFuture: 'De datum van de eerste symptomen ligt in de toekomst.',
  unknownSubject: 'Deze persoon staat niet in de leerlingen- of personeelslijst van de school.',
  forbiddenSchool: 'U mag geen meldingen doen of bekijken voor deze school.',
  rejected: 'De melding is niet aanvaard: controleer de aangeduide velden.',
  invalid: 'De invoer is ongeldig.',
} as const;

/** The required CSV columns (csv-format.md; the fake knows no synonyms). */
const ROSTER_COLUMNS = ['leerlingnummer', 'voornaam', 'familienaam', 'geboortedatum', 'klas'] as const;

/** Today in Brussels, YYYY-MM-DD (intake refuses onset dates after it). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
}

/** dd/mm/jjjj or jjjj-mm-dd of a day that exists. */
function isRosterDate(value: string): boolean {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : be
      ? [Number(be[3]), Number(be[2]), Number(be[1])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export class FakeIntake extends FakeService {
  readonly requests: FakeRequest[] = [];
  readonly clbs: { id: string; name: string }[] = [];
  readonly schools: FakeSchool[] = [];
  readonly groups = new Map<string, FakeGroup[]>();
  readonly pupils = new Map<string, FakePupil[]>();
  readonly staff = new Map<string, FakeStaff[]>();
  readonly meldingen: FakeMelding[] = [];
  private readonly imports = new Map<string, FakeImport>();

  private constructor(publicKey: string) {
    super(publicKey, 'intake');
  }

  static async start(publicKey: string): Promise<FakeIntake> {
    return new FakeIntake(publicKey).listen();
  }

  /** A CLB and two schools; the first with two classes, a group, three pupils and a teacher. */
  seedDemo(schoolYear = '2026-2027'): { clbId: string; schoolId: string; otherSchoolId: string } {
    const clbId = randomUUID();
    const schoolId = randomUUID();
    const otherSchoolId = randomUUID();
    this.clbs.push({ id: clbId, name: 'Vrij CLB Demo Gent' });
    const school = (id: string, instellingsnummer: string, name: string, levels: string[]): FakeSchool => ({
      id,
      clbId,
      name,
      instellingsnummer,
      address: { street: 'Schoolstraat 1', postalCode: '9000', city: 'Gent' },
      levels,
      isInternaat: false,
      extraClbIds: [],
      servingClbIds: [clbId],
    });
    this.schools.push(
      school(schoolId, '900001', 'Basisschool De Regenboog', ['kleuter', 'lager']),
      school(otherSchoolId, '900002', 'Sint-Lievenscollege Demo', ['secundair']),
    );
    const klas3b = this.group(schoolYear, '3B', 'class');
    const klas4a = this.group(schoolYear, '4A', 'class');
    const zwemmen = this.group(schoolYear, 'Zwemgroep dinsdag', 'group');
    this.groups.set(schoolId, [klas3b, klas4a, zwemmen]);
    this.pupils.set(schoolId, [
      this.pupil('1001', 'Emma', 'Peeters', klas3b),
      this.pupil('1002', 'Noah', 'Janssens', klas4a),
      this.pupil('1003', 'Emiel', 'Maes', klas3b),
    ]);
    this.staff.set(schoolId, [
      {
        id: randomUUID(),
        ref: randomUUID(),
        staffNumber: 'P001',
        firstName: 'Griet',
        lastName: 'Van Acker',
        status: 'active',
        classes: [klas3b, klas4a].map(({ id, name }) => ({ id, name, schoolYear })),
      },
    ]);
    return { clbId, schoolId, otherSchoolId };
  }

  private group(schoolYear: string, name: string, kind: FakeGroup['kind']): FakeGroup {
    return { id: randomUUID(), kind, name, level: 'lager', schoolYear, pupilCount: 0, staffCount: 0 };
  }

  private pupil(pupilNumber: string, firstName: string, lastName: string, klas: FakeGroup): FakePupil {
    return {
      id: randomUUID(),
      ref: randomUUID(),
      pupilNumber,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      class: { id: klas.id, name: klas.name, schoolYear: klas.schoolYear },
      className: klas.name,
      groupIds: [klas.id],
      livingGroup: null,
      status: 'active',
    };
  }

  protected async serve({ request, response, url, body, principal }: FakeCall): Promise<void> {
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      if (payload === undefined) response.writeHead(status, headers).end();
      else
        response
          .writeHead(status, { 'content-type': 'application/json', ...headers })
          .end(JSON.stringify(payload));
    };
    this.requests.push({
      method: request.method ?? '',
      url: url.pathname + url.search,
      headers: request.headers,
      principal,
      body,
    });
    if (!principal) return send(401, { statusCode: 401, message: 'Aanmelden is vereist.' });
    try {
      this.route(request.method ?? 'GET', url, body, principal, send);
    } catch (error) {
      send(500, { statusCode: 500, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private route(
    method: string,
    url: URL,
    body: string,
    principal: Principal,
    send: (status: number, payload?: unknown, headers?: Record<string, string>) => void,
  ): void {
    const scope = TenancyScope.of(principal);
    const path = url.pathname;
    const json = () => JSON.parse(body || '{}') as Record<string, unknown>;
    const allowed = (schoolId: string) => {
      const school = this.schools.find((candidate) => candidate.id === schoolId);
      return school !== undefined && scope.allowsSchool(school.id, school.servingClbIds);
    };
    const forbidden = (message = 'U hebt geen toegang tot deze functie.') =>
      send(403, { statusCode: 403, message });
    // Intake answers 404 for a school outside the caller's scope: whether it exists is not the caller's business.
    const schoolNotFound = () => send(404, { statusCode: 404, message: FAKE_MESSAGES.schoolNotFound });
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/v1/clbs') return send(200, { items: this.clbs });
    if (method === 'POST' && path === '/v1/clbs') {
      if (principal.role !== 'admin') return forbidden();
      const name = json().name;
      const clb = { id: randomUUID(), name: typeof name === 'string' ? name : '' };
      this.clbs.push(clb);
      return send(201, clb);
    }
    if (method === 'GET' && path === '/v1/schools') {
      return send(200, { items: this.schools.filter((school) => allowed(school.id)) });
    }
    if (method === 'POST' && path === '/v1/schools') {
      if (principal.role !== 'admin') return forbidden();
      const input = json() as Partial<FakeSchool>;
      const clbId = input.clbId ?? '';
      const school: FakeSchool = {
        id: randomUUID(),
        clbId,
        name: input.name ?? '',
        instellingsnummer: input.instellingsnummer ?? '',
        address: input.address ?? null,
        levels: input.levels ?? [],
        isInternaat: input.isInternaat ?? false,
        extraClbIds: input.extraClbIds ?? [],
        servingClbIds: [clbId, ...(input.extraClbIds ?? [])],
      };
      this.schools.push(school);
      return send(201, school);
    }
    if ((m = /^\/v1\/schools\/([^/]+)\/pupils$/.exec(path)) && method === 'GET') {
      const schoolId = m[1] ?? '';
      if (!allowed(schoolId)) return schoolNotFound();
      const words = (url.searchParams.get('search') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const pupils = (this.pupils.get(schoolId) ?? []).filter(
        (pupil) =>
          pupil.status === 'active' &&
          words.every((word) => `${pupil.name} ${pupil.pupilNumber}`.toLowerCase().includes(word)),
      );
      return send(200, { items: pupils });
    }
    // PeopleController.lookup: names behind pupil/staff refs of schools in scope (others stay unanswered).
    if (method === 'POST' && path === '/v1/people/lookup') {
      const refs = json().refs;
      if (!Array.isArray(refs) || refs.length === 0) {
        return send(400, {
          statusCode: 400,
          message: FAKE_MESSAGES.invalid,
          fields: [{ field: 'refs', messages: [FAKE_MESSAGES.required] }],
        });
      }
      const items = [];
      for (const [schoolId, pupils] of this.pupils) {
        if (!allowed(schoolId)) continue;
        for (const pupil of pupils) {
          if (!refs.includes(pupil.ref)) continue;
          items.push({
            ref: pupil.ref,
            kind: 'pupil',
            name: pupil.name,
            schoolId,
            groupName: pupil.className,
          });
        }
      }
      return send(200, { items });
    }
    if ((m = /^\/v1\/schools\/([^/]+)\/groups$/.exec(path)) && method === 'GET') {
      const schoolId = m[1] ?? '';
      if (!allowed(schoolId)) return schoolNotFound();
      const groups = this.groups.get(schoolId) ?? [];
      return send(200, { schoolYear: groups[0]?.schoolYear ?? null, items: groups });
    }
    if ((m = /^\/v1\/schools\/([^/]+)\/staff$/.exec(path)) && method === 'GET') {
      const schoolId = m[1] ?? '';
      if (!allowed(schoolId)) return schoolNotFound();
      return send(200, { items: this.staff.get(schoolId) ?? [] });
    }
    if ((m = /^\/v1\/schools\/([^/]+)\/roster-imports\/csv$/.exec(path)) && method === 'POST') {
      const schoolId = m[1] ?? '';
      if (!['school', 'clb-staff', 'admin'].includes(principal.role)) return forbidden();
      if (!allowed(schoolId)) return schoolNotFound();
      const schoolYear = url.searchParams.get('schoolYear') ?? '';
      if (!/^\d{4}-\d{4}$/.test(schoolYear)) {
        return send(400, {
          statusCode: 400,
          message: FAKE_MESSAGES.invalid,
          fields: [
            {
              field: 'schoolYear',
              messages: ['Het schooljaar heeft de vorm 2026-2027 (twee opeenvolgende jaren).'],
            },
          ],
        });
      }
      const imported = this.validateRoster(schoolId, schoolYear, body);
      this.imports.set(imported.importId, imported);
      const statusUrl = `/v1/roster-imports/${imported.importId}`;
      return send(202, { importId: imported.importId, statusUrl }, { location: statusUrl });
    }
    if ((m = /^\/v1\/schools\/([^/]+)\/roster-imports$/.exec(path)) && method === 'GET') {
      const schoolId = m[1] ?? '';
      if (!allowed(schoolId)) return schoolNotFound();
      const items = [...this.imports.values()]
        .filter((imported) => imported.schoolId === schoolId)
        .reverse()
        .slice(0, 20)
        .map((imported) => this.importResponse(imported));
      return send(200, { items });
    }
    if ((m = /^\/v1\/roster-imports\/([^/]+)$/.exec(path)) && method === 'GET') {
      const imported = this.imports.get(m[1] ?? '');
      if (!imported || !allowed(imported.schoolId))
        return send(404, { statusCode: 404, message: FAKE_MESSAGES.importNotFound });
      this.advance(imported);
      return send(200, this.importResponse(imported));
    }
    if (method === 'POST' && path === '/v1/meldingen') return this.submitMelding(json(), principal, send);
    if (method === 'GET' && path === '/v1/meldingen') {
      const schoolId = url.searchParams.get('schoolId');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const items = this.meldingen
        .filter((melding) => allowed(melding.schoolId) && (!schoolId || melding.schoolId === schoolId))
        .reverse()
        .slice(0, limit);
      return send(200, { items, limit, offset: 0 });
    }
    if ((m = /^\/v1\/schools\/([^/]+)\/credentials$/.exec(path)) && method === 'POST') {
      if (principal.role !== 'admin') return forbidden();
      return send(201, {
        keyId: `key_${randomUUID().slice(0, 8)}`,
        apiKey: randomUUID(),
        webhookSecret: randomUUID(),
      });
    }
    if (method === 'GET' && path === '/v1/echo') {
      return send(200, { ok: true });
    }
    send(404, { statusCode: 404, message: 'Not found' });
  }

  /** POST /v1/meldingen: the shape (400), the school (403), then dates and person (422). */
  private submitMelding(
    input: Record<string, unknown>,
    principal: Principal,
    send: (status: number, payload?: unknown, headers?: Record<string, string>) => void,
  ): void {
    const schoolId = typeof input.schoolId === 'string' ? input.schoolId : '';
    const subject =
      typeof input.subject === 'object' && input.subject !== null
        ? (input.subject as Record<string, unknown>)
        : null;
    const shape = ['subject', 'disease', 'lastDayPresent', 'contactPerson']
      .filter((key) => input[key] === undefined || input[key] === null)
      .map((field) => ({ field, messages: [`${field} mag niet leeg zijn.`] }));
    if (shape.length > 0 || !subject) {
      return send(400, { statusCode: 400, message: FAKE_MESSAGES.invalid, fields: shape });
    }
    if (principal.role !== 'school' || !principal.schoolIds.includes(schoolId)) {
      return send(403, { statusCode: 403, message: FAKE_MESSAGES.forbiddenSchool });
    }
    const fields: { field: string; messages: string[] }[] = [];
    const onset = input.onsetDate;
    if (typeof onset === 'string' && onset > today()) {
      fields.push({ field: 'onsetDate', messages: [FAKE_MESSAGES.onsetInFuture] });
    }
    const known =
      subject.kind === 'unlisted' ||
      (subject.kind === 'pupil' &&
        (this.pupils.get(schoolId) ?? []).some((pupil) => pupil.id === subject.rosterId)) ||
      (subject.kind === 'staff' &&
        (this.staff.get(schoolId) ?? []).some((member) => member.id === subject.rosterId));
    if (!known) fields.push({ field: 'subject.rosterId', messages: [FAKE_MESSAGES.unknownSubject] });
    if (fields.length > 0) return send(422, { statusCode: 422, message: FAKE_MESSAGES.rejected, fields });
    const now = new Date().toISOString();
    const test = input.test as { date: string; result: string } | null;
    const melding: FakeMelding = {
      meldingId: randomUUID(),
      reference: `M-${now.slice(0, 4)}-${String(this.meldingen.length + 1).padStart(6, '0')}`,
      schoolId,
      status: 'received',
      statusChangedAt: now,
      subjectKind: subject.kind === 'staff' ? 'staff' : subject.kind === 'unlisted' ? 'unlisted' : 'pupil',
      disease: String(input.disease),
      onsetDate: typeof onset === 'string' ? onset : null,
      test: test ?? null,
      lastDayPresent: String(input.lastDayPresent),
      channel: 'form',
      createdAt: now,
    };
    this.meldingen.push(melding);
    const statusUrl = `/v1/meldingen/${melding.meldingId}`;
    return send(
      202,
      {
        reference: melding.reference,
        meldingId: melding.meldingId,
        status: 'received',
        statusUrl,
        merged: false,
      },
      { location: statusUrl },
    );
  }

  /** The import job, one step per status poll: queued → validating (half-way) → applied or rejected. */
  private advance(imported: FakeImport): void {
    imported.polls += 1;
    if (imported.polls === 1) {
      imported.status = 'validating';
      imported.processed = Math.floor(imported.total / 2);
      return;
    }
    if (imported.status !== 'validating') return;
    imported.processed = imported.total;
    imported.finishedAt = new Date().toISOString();
    if (imported.errors.length > 0) {
      imported.status = 'rejected';
      imported.errorCount = imported.errors.length;
      return;
    }
    imported.status = 'applied';
    this.applyRoster(imported);
  }

  /** Applies a valid roster: pupils by number (created, updated, unchanged), missing pupils gone, new classes. */
  private applyRoster(imported: FakeImport): void {
    const groups = this.groups.get(imported.schoolId) ?? [];
    this.groups.set(imported.schoolId, groups);
    const before = this.pupils.get(imported.schoolId) ?? [];
    const after: FakePupil[] = [];
    const counts = { created: 0, updated: 0, unchanged: 0, gone: 0 };
    for (const row of imported.rows) {
      let klas = groups.find((group) => group.kind === 'class' && group.name === row.className);
      if (!klas) {
        klas = this.group(imported.schoolYear, row.className, 'class');
        groups.push(klas);
      }
      const old = before.find((pupil) => pupil.pupilNumber === row.pupilNumber);
      const next = {
        ...this.pupil(row.pupilNumber, row.firstName, row.lastName, klas),
        ...(old ? { id: old.id, ref: old.ref } : {}),
      };
      if (!old || old.status === 'gone') counts.created += 1;
      else if (old.name !== next.name || old.className !== next.className) counts.updated += 1;
      else counts.unchanged += 1;
      after.push(next);
    }
    for (const pupil of before) {
      if (after.some((next) => next.pupilNumber === pupil.pupilNumber)) continue;
      if (pupil.status === 'active') counts.gone += 1;
      after.push({ ...pupil, status: 'gone' });
    }
    this.pupils.set(imported.schoolId, after);
    imported.counts = counts;
  }

  private importResponse(imported: FakeImport): Omit<FakeImport, 'polls' | 'rows'> {
    const { polls: _polls, rows: _rows, ...response } = imported;
    return { ...response, errors: [...response.errors] };
  }

  /** Checks a roster CSV like the import job would (required columns, filled fields, real dates). */
  private validateRoster(schoolId: string, schoolYear: string, csv: string): FakeImport {
    const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    const separator = (lines[0] ?? '').includes(';') ? ';' : ',';
    const header = (lines[0] ?? '').split(separator).map((column) => column.trim());
    const known = header.map((column) => column.toLowerCase());
    const errors: RowError[] = [];
    for (const column of ROSTER_COLUMNS) {
      if (!known.includes(column))
        errors.push({ line: 1, field: column, reason: FAKE_MESSAGES.missingColumn });
    }
    const rows: ParsedPupil[] = [];
    lines.forEach((line, index) => {
      if (index === 0 || line.trim() === '') return;
      const values = line.split(separator).map((value) => value.trim());
      const cell = (column: string) => values[known.indexOf(column)] ?? '';
      for (const column of ROSTER_COLUMNS) {
        if (known.includes(column) && cell(column) === '')
          errors.push({
            line: index + 1,
            field: header[known.indexOf(column)] ?? column,
            reason: FAKE_MESSAGES.required,
          });
      }
      const birth = cell('geboortedatum');
      if (birth !== '' && !isRosterDate(birth)) {
        errors.push({
          line: index + 1,
          field: header[known.indexOf('geboortedatum')] ?? '',
          reason: FAKE_MESSAGES.date,
        });
      }
      rows.push({
        pupilNumber: cell('leerlingnummer'),
        firstName: cell('voornaam'),
        lastName: cell('familienaam'),
        className: cell('klas'),
      });
    });
    return {
      importId: randomUUID(),
      schoolId,
      schoolYear,
      format: 'csv',
      status: 'queued',
      total: rows.length,
      processed: 0,
      counts: { created: 0, updated: 0, unchanged: 0, gone: 0 },
      errors,
      errorCount: 0,
      ignoredColumns: header.filter(
        (column) => !(ROSTER_COLUMNS as readonly string[]).includes(column.toLowerCase()),
      ),
      failureReason: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      polls: 0,
      rows,
    };
  }
}
