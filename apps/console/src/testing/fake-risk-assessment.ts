// Test double of the risk-assessment service on node:http: verifies the console's bearer token like the real
// service (ServiceTokenVerifier, audience "risk-assessment"), checks roles and CLB tenancy, and serves the cases and
// protocols API the console's pages use, from memory, in the shapes of risk-assessment's DTOs
// (apps/risk-assessment/src/cases/dto/case.response.dto.ts, protocols/dto/protocol.response.dto.ts), including the
// live queue as server-sent events. When that API changes, change this file with it: the console's tests trust it.
import { randomUUID } from 'node:crypto';
import { type ServerResponse } from 'node:http';
import { TenancyScope, type Principal, type Role } from '@meldpunt/auth';
import { FakeService, type FakeCall } from './fake-service';

type Risk = 'high' | 'low' | 'none';
type LetterState = 'none' | 'pending' | 'delivered' | 'failed' | 'unreachable';

export interface FakeMeasure {
  kind: string;
  from: string | null;
  until: string | null;
  returnToSchool: string | null;
  onDate: string | null;
  deadline: string | null;
  description: string;
}

interface FakeRule {
  protocolId: string;
  protocolVersion: number;
  ruleId: string;
  description: string;
}

/** ContactDto. */
export interface FakeContact {
  id: string;
  contactRef: string;
  contactKind: 'pupil' | 'staff' | 'external';
  contactType: string;
  level: string;
  lastContactDate: string;
  exposureIds: string[];
  label: string | null;
  vaccinated: boolean | null;
  removed: boolean;
  proposal: { risk: Risk; measures: FakeMeasure[]; letterKind: string | null; rule: FakeRule };
  override: { risk: Risk; reason: string; by: string; at: string } | null;
  effective: { risk: Risk; measures: FakeMeasure[]; letterKind: string | null; source: string };
  decision: { version: number; risk: Risk; letterKind: string | null; changed: boolean } | null;
  letters: {
    decisionVersion: number;
    guardianRef: string | null;
    status: string;
    channel: string | null;
    at: string;
  }[];
  letterStatus: LetterState;
}

/** CaseDetailDto (a QueueItemDto plus the case page's parts). */
export interface FakeCase {
  id: string;
  reference: string;
  clbId: string;
  schoolId: string;
  schoolName: string | null;
  disease: string;
  status: 'open' | 'decided';
  urgency: 'critical' | 'high' | 'normal';
  deadline: string | null;
  alwaysPage: boolean;
  receivedAt: string;
  queuedAt: string;
  changedAt: string;
  waitingSeconds: number | null;
  assigneeId: string | null;
  assignedAt: string | null;
  decisionVersion: number;
  decidedAt: string | null;
  reassessment: boolean;
  contactCount: number;
  highRiskCount: number;
  level: string;
  subject: { kind: string; ref: string };
  facts: { onsetDate: string | null; test: { date: string; result: string } | null; lastDayPresent: string };
  urgencyRule: FakeRule;
  meldingen: {
    meldingId: string;
    reference: string;
    channel: string;
    receivedAt: string;
    onsetDate: string | null;
    test: null;
    lastDayPresent: string;
    groupIds: string[];
    activities: string[];
  }[];
  exposures: {
    id: string;
    kind: string;
    groupId: string | null;
    activity: string | null;
    label: string | null;
    level: string;
    lastContactDate: string;
    awaitingRoster: boolean;
    source: 'melding' | 'manual';
    memberCount: number;
  }[];
  contacts: FakeContact[];
  decisions: {
    version: number;
    decidedAt: string;
    decidedBy: string;
    contactCount: number;
    changedCount: number;
    withdrawnCount: number;
  }[];
  timeline: { at: string; kind: string; actor: string; details: Record<string, unknown> }[];
}

export interface FakeProtocolVersion {
  id: string;
  protocolId: string;
  version: number;
  effectiveFrom: string;
  createdBy: string;
  createdAt: string;
  definition: Record<string, unknown>;
}

export interface FakeRiskRequest {
  readonly method: string;
  readonly url: string;
  readonly principal: Principal | null;
  readonly body: string;
}

/** risk-assessment's texts (cases.messages.ts, protocols.messages.ts, the auth guard) the console shows as they come. */
export const FAKE_RISK_MESSAGES = {
  forbidden: 'U hebt geen toegang tot deze functie.',
  notFound: 'Dit dossier bestaat niet of u hebt er geen toegang toe.',
  invalidInput: 'De invoer is ongeldig.',
  claimedByOther:
    'Dit dossier is al toegewezen aan een collega. Wijs het opnieuw toe als u het wilt overnemen.',
  reasonRequired: 'Een reden is verplicht wanneer u het risico aanpast.',
  unknownContacts: 'Niet alle geselecteerde contacten horen bij dit dossier.',
  invalidDefinition: 'Het protocol is ongeldig.',
  effectiveFromInPast: (today: string) =>
    `De datum van inwerkingtreding mag niet in het verleden liggen (vandaag is ${today}).`,
  exampleWarning:
    'VOORBEELD: dit protocol is een voorbeeld en geen medisch advies. Een CLB-arts moet het valideren en aanpassen vóór het in gebruik genomen wordt.',
} as const;

const READ_ROLES: readonly Role[] = ['doctor', 'clb-staff', 'coordinator'];
const EDIT_ROLES: readonly Role[] = ['doctor', 'clb-staff'];
const URGENCY_RANK = { critical: 0, high: 1, normal: 2 } as const;

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
}

function day(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

function effectiveOf(contact: FakeContact): FakeContact['effective'] {
  const { proposal, override } = contact;
  if (!override || override.risk === proposal.risk) {
    return {
      risk: proposal.risk,
      measures: proposal.measures,
      letterKind: proposal.letterKind,
      source: 'proposal',
    };
  }
  if (override.risk === 'none')
    return { risk: 'none', measures: [], letterKind: null, source: 'override-none' };
  return {
    risk: override.risk,
    measures: proposal.measures,
    letterKind: proposal.letterKind,
    source: 'override-kept',
  };
}

export interface SeedCaseOptions {
  clbId: string;
  schoolId: string;
  schoolName?: string;
  disease?: string;
  urgency?: FakeCase['urgency'];
  /** Hours from now; null: no deadline. */
  deadlineInHours?: number | null;
  /** How long ago it was received, in minutes. */
  receivedMinutesAgo?: number;
  contacts?: number;
  reference?: string;
}

export class FakeRiskAssessment extends FakeService {
  readonly requests: FakeRiskRequest[] = [];
  readonly cases = new Map<string, FakeCase>();
  readonly protocolVersions: FakeProtocolVersion[] = [];
  readonly audit: Record<string, unknown>[] = [];
  /** Open server-sent event streams. */
  readonly streams = new Set<{ response: ServerResponse; scope: TenancyScope }>();
  streamsOpened = 0;
  streamsClosed = 0;
  private counter = 0;

  private constructor(publicKey: string) {
    super(publicKey, 'risk-assessment');
  }

  static async start(publicKey: string): Promise<FakeRiskAssessment> {
    const fake = await new FakeRiskAssessment(publicKey).listen();
    fake.seedProtocols();
    return fake;
  }

  override async stop(): Promise<void> {
    for (const stream of this.streams) stream.response.destroy();
    await super.stop();
  }

  /** A case as the consumer would open it: one class exposure, `contacts` classmates, measles-like proposals. */
  seedCase(options: SeedCaseOptions): FakeCase {
    this.counter += 1;
    const received = new Date(Date.now() - (options.receivedMinutesAgo ?? 0) * 60_000).toISOString();
    const exposureId = randomUUID();
    const rule: FakeRule = {
      protocolId: options.disease ?? 'measles',
      protocolVersion: 1,
      ruleId: 'measles.classmate.not-vaccinated',
      description: 'Mazelen · klasgenoot · niet gevaccineerd of onbekend → hoog risico',
    };
    const measures: FakeMeasure[] = [
      {
        kind: 'exclusion',
        from: day(1),
        until: day(18),
        returnToSchool: day(19),
        onDate: null,
        deadline: null,
        description: `Geen toegang tot de school van ${day(1)} tot en met ${day(18)}.`,
      },
    ];
    const contacts: FakeContact[] = Array.from({ length: options.contacts ?? 4 }, (_unused, index) => {
      const contact: FakeContact = {
        id: randomUUID(),
        contactRef: randomUUID(),
        contactKind: index === 0 ? 'staff' : 'pupil',
        contactType: index === 0 ? 'teacher' : 'classmate',
        level: 'lager',
        lastContactDate: today(),
        exposureIds: [exposureId],
        label: null,
        vaccinated: null,
        removed: false,
        proposal: { risk: 'high', measures, letterKind: 'measles-high', rule },
        override: null,
        effective: { risk: 'high', measures, letterKind: 'measles-high', source: 'proposal' },
        decision: null,
        letters: [],
        letterStatus: 'none',
      };
      return contact;
    });
    const riskCase: FakeCase = {
      id: randomUUID(),
      reference: options.reference ?? `M-2026-${String(this.counter).padStart(6, '0')}`,
      clbId: options.clbId,
      schoolId: options.schoolId,
      schoolName: options.schoolName ?? 'Basisschool De Regenboog',
      disease: options.disease ?? 'measles',
      status: 'open',
      urgency: options.urgency ?? 'high',
      deadline:
        options.deadlineInHours === null || options.deadlineInHours === undefined
          ? null
          : new Date(Date.now() + options.deadlineInHours * 3_600_000).toISOString(),
      alwaysPage: false,
      receivedAt: received,
      queuedAt: received,
      changedAt: received,
      waitingSeconds: 0,
      assigneeId: null,
      assignedAt: null,
      decisionVersion: 0,
      decidedAt: null,
      reassessment: false,
      contactCount: contacts.length,
      highRiskCount: contacts.length,
      level: 'lager',
      subject: { kind: 'pupil', ref: randomUUID() },
      facts: { onsetDate: day(-1), test: null, lastDayPresent: today() },
      urgencyRule: { ...rule, ruleId: 'measles.urgency', description: 'Mazelen: binnen 24 uur beslissen' },
      meldingen: [
        {
          meldingId: randomUUID(),
          reference: options.reference ?? `M-2026-${String(this.counter).padStart(6, '0')}`,
          channel: 'form',
          receivedAt: received,
          onsetDate: day(-1),
          test: null,
          lastDayPresent: today(),
          groupIds: [],
          activities: ['bus'],
        },
      ],
      exposures: [
        {
          id: exposureId,
          kind: 'class',
          groupId: randomUUID(),
          activity: null,
          label: '3B',
          level: 'lager',
          lastContactDate: today(),
          awaitingRoster: false,
          source: 'melding',
          memberCount: contacts.length,
        },
      ],
      contacts,
      decisions: [],
      timeline: [{ at: received, kind: 'opened', actor: 'system', details: { reference: 'x' } }],
    };
    this.cases.set(riskCase.id, riskCase);
    return riskCase;
  }

  /** A case arrives: stored and announced on the live streams (`case-opened`). */
  openCase(options: SeedCaseOptions): FakeCase {
    const riskCase = this.seedCase(options);
    this.announce('case-opened', riskCase);
    return riskCase;
  }

  /** communication reports a letter of the latest decision for a contact. */
  reportLetter(caseId: string, contactRef: string, status: 'delivered' | 'failed' | 'unreachable'): void {
    const riskCase = this.mustFind(caseId);
    const contact = riskCase.contacts.find((candidate) => candidate.contactRef === contactRef);
    if (!contact) throw new Error(`no contact ${contactRef}`);
    contact.letters.push({
      decisionVersion: riskCase.decisionVersion,
      guardianRef: randomUUID(),
      status,
      channel: status === 'unreachable' ? null : 'email',
      at: new Date().toISOString(),
    });
    contact.letterStatus = status;
    this.announce('case-changed', riskCase);
  }

  /** Writes raw text to every open stream (proxy tests). */
  pushRaw(text: string): void {
    for (const stream of this.streams) stream.response.write(text);
  }

  /** Ends every open stream from the service's side. */
  endStreams(): void {
    for (const stream of this.streams) stream.response.end();
  }

  private mustFind(caseId: string): FakeCase {
    const found = this.cases.get(caseId);
    if (!found) throw new Error(`no case ${caseId}`);
    return found;
  }

  private queueItem(riskCase: FakeCase): Record<string, unknown> {
    const {
      level: _level,
      subject: _subject,
      facts: _facts,
      urgencyRule: _rule,
      meldingen: _meldingen,
      exposures: _exposures,
      contacts: _contacts,
      decisions: _decisions,
      timeline: _timeline,
      ...item
    } = this.refreshed(riskCase);
    return item;
  }

  private refreshed(riskCase: FakeCase): FakeCase {
    riskCase.waitingSeconds =
      riskCase.status === 'open'
        ? Math.max(0, Math.floor((Date.now() - Date.parse(riskCase.queuedAt)) / 1000))
        : null;
    const active = riskCase.contacts.filter((contact) => !contact.removed);
    riskCase.contactCount = active.length;
    riskCase.highRiskCount = active.filter((contact) => contact.effective.risk === 'high').length;
    return riskCase;
  }

  private announce(kind: 'case-opened' | 'case-changed', riskCase: FakeCase): void {
    const item = this.queueItem(riskCase);
    for (const stream of this.streams) {
      if (!stream.scope.allowsClb(riskCase.clbId)) continue;
      stream.response.write(
        `event: ${kind}\nid: ${riskCase.id}@${riskCase.changedAt}\ndata: ${JSON.stringify(item)}\n\n`,
      );
    }
  }

  private changed(
    riskCase: FakeCase,
    entry: { kind: string; actor: string; details?: Record<string, unknown> },
    reopens: boolean,
  ): void {
    const now = new Date().toISOString();
    riskCase.changedAt = now;
    riskCase.timeline.push({ at: now, kind: entry.kind, actor: entry.actor, details: entry.details ?? {} });
    if (reopens && riskCase.status === 'decided') {
      Object.assign(riskCase, { status: 'open', reassessment: true, queuedAt: now });
    }
    this.announce('case-changed', riskCase);
  }

  private seedProtocols(): void {
    const definition = {
      protocolId: 'measles',
      version: 1,
      effectiveFrom: '2026-01-01',
      title: 'Mazelen',
      example: true,
      warning: FAKE_RISK_MESSAGES.exampleWarning,
      source: 'Zorg en Gezondheid (voorbeeld)',
      rules: [
        {
          id: 'measles.not-vaccinated',
          description: 'Niet gevaccineerd of onbekend → hoog risico',
          when: { vaccinated: ['no', 'unknown'] },
          risk: 'high',
          measures: [{ kind: 'exclusion', days: 18 }],
          letterKind: 'measles-high',
        },
        {
          id: 'measles.vaccinated',
          description: 'Gevaccineerd → laag risico',
          risk: 'low',
          measures: [{ kind: 'watch-symptoms', days: 21 }],
          letterKind: 'measles-low',
        },
      ],
      urgency: [
        {
          id: 'measles.urgency',
          description: 'Binnen 24 uur',
          urgency: 'high',
          decisionDeadlineHours: 24,
          alwaysPage: false,
        },
      ],
    };
    this.protocolVersions.push({
      id: randomUUID(),
      protocolId: 'measles',
      version: 1,
      effectiveFrom: '2026-01-01',
      createdBy: 'system',
      createdAt: '2026-01-01T08:00:00.000Z',
      definition,
    });
    this.audit.push({
      id: randomUUID(),
      protocolId: 'measles',
      version: 1,
      action: 'seeded',
      actor: 'system',
      at: '2026-01-01T08:00:00.000Z',
      reason: 'Voorbeeldprotocol geladen bij de start van de dienst.',
      changes: [],
    });
  }

  protected async serve({ request, response, url, body, principal }: FakeCall): Promise<void> {
    const send = (status: number, payload: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    this.requests.push({ method: request.method ?? '', url: url.pathname + url.search, principal, body });
    if (!principal) return send(401, { statusCode: 401, message: 'Aanmelden is vereist.' });
    try {
      this.route(request.method ?? 'GET', url, body, principal, send, response);
    } catch (error) {
      send(500, { statusCode: 500, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private route(
    method: string,
    url: URL,
    body: string,
    principal: Principal,
    send: (status: number, payload: unknown) => void,
    response: ServerResponse,
  ): void {
    const scope = TenancyScope.of(principal);
    const path = url.pathname;
    const json = () => JSON.parse(body || '{}') as Record<string, unknown>;
    const forbidden = () => send(403, { statusCode: 403, message: FAKE_RISK_MESSAGES.forbidden });
    const invalid = (fields: { field: string; messages: string[] }[]) =>
      send(422, {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: FAKE_RISK_MESSAGES.invalidInput,
        fields,
      });
    const may = (roles: readonly Role[]) => roles.includes(principal.role);
    let m: RegExpExecArray | null;

    if (path.startsWith('/v1/protocols')) return this.protocols(method, path, json, principal, send, invalid);
    if (!may(READ_ROLES)) return forbidden();

    if (method === 'GET' && path === '/v1/cases/stream') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      const stream = { response, scope };
      this.streams.add(stream);
      this.streamsOpened += 1;
      response.on('close', () => {
        this.streams.delete(stream);
        this.streamsClosed += 1;
      });
      response.write(
        `retry: 3000\nevent: ready\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`,
      );
      return;
    }
    if (method === 'GET' && path === '/v1/cases') {
      const status = url.searchParams.get('status') ?? 'open';
      const visible = [...this.cases.values()]
        .filter((riskCase) => scope.allowsClb(riskCase.clbId))
        .filter((riskCase) => status === 'all' || riskCase.status === status)
        .sort((a, b) =>
          status === 'decided'
            ? Date.parse(b.decidedAt ?? '') - Date.parse(a.decidedAt ?? '')
            : (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) ||
              URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
              (a.deadline ? Date.parse(a.deadline) : Infinity) -
                (b.deadline ? Date.parse(b.deadline) : Infinity) ||
              Date.parse(a.queuedAt) - Date.parse(b.queuedAt),
        );
      const limit = Number(url.searchParams.get('limit') ?? 100);
      return send(200, {
        items: visible.slice(0, limit).map((riskCase) => this.queueItem(riskCase)),
        total: visible.length,
        limit,
        offset: 0,
      });
    }
    if (!(m = /^\/v1\/cases\/([^/]+)(\/.*)?$/.exec(path)))
      return send(404, { statusCode: 404, message: 'Not found' });
    const riskCase = this.cases.get(m[1] ?? '');
    if (!riskCase || !scope.allowsClb(riskCase.clbId)) {
      return send(404, { statusCode: 404, error: 'Not Found', message: FAKE_RISK_MESSAGES.notFound });
    }
    const rest = m[2] ?? '';
    const detail = () => send(200, this.refreshed(riskCase));
    const userId = principal.userId;

    if (method === 'GET' && rest === '') return detail();
    if (method === 'POST' && rest === '/approve') {
      if (principal.role !== 'doctor') return forbidden();
      const active = riskCase.contacts.filter((contact) => !contact.removed);
      const version = riskCase.decisionVersion + 1;
      const now = new Date().toISOString();
      let changedCount = 0;
      for (const contact of active) {
        const changed =
          !contact.decision ||
          contact.decision.risk !== contact.effective.risk ||
          contact.decision.letterKind !== contact.effective.letterKind;
        if (changed) changedCount += 1;
        contact.decision = {
          version,
          risk: contact.effective.risk,
          letterKind: contact.effective.letterKind,
          changed,
        };
        if (changed) contact.letterStatus = contact.effective.letterKind ? 'pending' : 'none';
      }
      Object.assign(riskCase, {
        decisionVersion: version,
        decidedAt: now,
        status: 'decided',
        reassessment: false,
      });
      riskCase.decisions.push({
        version,
        decidedAt: now,
        decidedBy: userId,
        contactCount: active.length,
        changedCount,
        withdrawnCount: 0,
      });
      this.changed(
        riskCase,
        { kind: 'approved', actor: userId, details: { version, changed: changedCount } },
        false,
      );
      return send(200, {
        decisionVersion: version,
        published: true,
        changedCount,
        case: this.refreshed(riskCase),
      });
    }
    if (!may(EDIT_ROLES)) return forbidden();
    if (method === 'POST' && rest === '/claim') {
      if (riskCase.assigneeId && riskCase.assigneeId !== userId) {
        return send(409, { statusCode: 409, error: 'Conflict', message: FAKE_RISK_MESSAGES.claimedByOther });
      }
      Object.assign(riskCase, { assigneeId: userId, assignedAt: new Date().toISOString() });
      this.changed(riskCase, { kind: 'claimed', actor: userId }, false);
      return detail();
    }
    if (method === 'POST' && rest === '/assign') {
      const assigneeId = json().assigneeId;
      riskCase.assigneeId = typeof assigneeId === 'string' ? assigneeId : null;
      this.changed(riskCase, { kind: 'assigned', actor: userId, details: { assigneeId } }, false);
      return detail();
    }
    if (method === 'PATCH' && rest === '/contacts') {
      const input = json();
      const ids = Array.isArray(input.contactIds) ? (input.contactIds as string[]) : [];
      const risk = input.risk as Risk | undefined;
      const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
      if (risk !== undefined && reason === '') {
        return invalid([{ field: 'reason', messages: [FAKE_RISK_MESSAGES.reasonRequired] }]);
      }
      const selected = riskCase.contacts.filter((contact) => ids.includes(contact.id));
      if (ids.length === 0 || selected.length !== ids.length) {
        return invalid([{ field: 'contactIds', messages: [FAKE_RISK_MESSAGES.unknownContacts] }]);
      }
      const now = new Date().toISOString();
      for (const contact of selected) {
        if (input.clearOverride === true) contact.override = null;
        if (risk) contact.override = { risk, reason, by: userId, at: now };
        if (input.vaccinated !== undefined) contact.vaccinated = input.vaccinated as boolean | null;
        contact.effective = effectiveOf(contact);
      }
      this.changed(
        riskCase,
        { kind: 'reclassified', actor: userId, details: { contactIds: ids, risk: risk ?? null, reason } },
        true,
      );
      return detail();
    }
    if (method === 'POST' && rest === '/contacts') {
      const input = json() as {
        exposureId?: string;
        contacts?: { ref?: string; kind: FakeContact['contactKind']; label?: string }[];
      };
      const exposure = riskCase.exposures.find((candidate) => candidate.id === input.exposureId);
      if (!exposure)
        return invalid([
          { field: 'exposureId', messages: ['Deze blootstelling hoort niet bij dit dossier.'] },
        ]);
      for (const added of input.contacts ?? []) {
        const known = riskCase.contacts.find((contact) => contact.contactRef === added.ref);
        if (known) {
          known.removed = false;
          continue;
        }
        const template = riskCase.contacts[0];
        const contact: FakeContact = {
          ...(template ?? ({} as FakeContact)),
          id: randomUUID(),
          contactRef: added.ref ?? randomUUID(),
          contactKind: added.kind,
          label: added.label ?? null,
          exposureIds: [exposure.id],
          override: null,
          decision: null,
          letters: [],
          letterStatus: 'none',
          removed: false,
        };
        contact.effective = effectiveOf(contact);
        riskCase.contacts.push(contact);
      }
      this.changed(riskCase, { kind: 'contacts-added', actor: userId }, true);
      return detail();
    }
    if (method === 'DELETE' && (m = /^\/contacts\/([^/]+)$/.exec(rest))) {
      const contact = riskCase.contacts.find((candidate) => candidate.id === m?.[1]);
      if (!contact) return send(404, { statusCode: 404, message: FAKE_RISK_MESSAGES.notFound });
      contact.removed = true;
      this.changed(
        riskCase,
        { kind: 'contact-removed', actor: userId, details: { contactRef: contact.contactRef } },
        true,
      );
      return detail();
    }
    if (method === 'POST' && rest === '/exposures') {
      const input = json();
      riskCase.exposures.push({
        id: randomUUID(),
        kind: String(input.kind),
        groupId: null,
        activity: typeof input.activity === 'string' ? input.activity : null,
        label: typeof input.label === 'string' ? input.label : null,
        level: riskCase.level,
        lastContactDate: String(input.lastContactDate),
        awaitingRoster: false,
        source: 'manual',
        memberCount: 0,
      });
      this.changed(riskCase, { kind: 'exposure-added', actor: userId, details: { kind: input.kind } }, false);
      return detail();
    }
    send(404, { statusCode: 404, message: 'Not found' });
  }

  private protocols(
    method: string,
    path: string,
    json: () => Record<string, unknown>,
    principal: Principal,
    send: (status: number, payload: unknown) => void,
    invalid: (fields: { field: string; messages: string[] }[]) => void,
  ): void {
    if (!['doctor', 'clb-staff', 'coordinator', 'admin'].includes(principal.role)) {
      return send(403, { statusCode: 403, message: FAKE_RISK_MESSAGES.forbidden });
    }
    const versionsOf = (disease: string) => this.protocolVersions.filter((row) => row.protocolId === disease);
    const current = (disease: string) =>
      versionsOf(disease)
        .filter((row) => row.effectiveFrom <= today())
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
    if (method === 'GET' && path === '/v1/protocols') {
      return send(200, {
        items: ['measles'].map((disease) => {
          const row = current(disease);
          const versions = versionsOf(disease);
          return {
            protocolId: disease,
            title: typeof row?.definition.title === 'string' ? row.definition.title : disease,
            currentVersion: row?.version ?? 1,
            effectiveFrom: row?.effectiveFrom ?? '2026-01-01',
            example: row?.definition.example === true,
            warning: (row?.definition.warning as string | null | undefined) ?? null,
            source: 'database',
            versionCount: versions.length,
            latestVersion: Math.max(...versions.map((version) => version.version)),
          };
        }),
      });
    }
    const m = /^\/v1\/protocols\/([^/]+)(\/versions|\/audit)?$/.exec(path);
    if (!m || m[1] !== 'measles')
      return send(404, { statusCode: 404, message: 'Dit protocol bestaat niet.' });
    const disease = m[1];
    if (method === 'GET' && !m[2]) {
      return send(200, {
        protocolId: disease,
        current: { version: current(disease)?.version ?? 1, source: 'database' },
        versions: versionsOf(disease),
        example: this.protocolVersions[0]?.definition,
      });
    }
    if (method === 'GET' && m[2] === '/audit') {
      return send(200, { items: this.audit.filter((entry) => entry.protocolId === disease).reverse() });
    }
    if (method === 'POST' && m[2] === '/versions') {
      if (principal.role !== 'admin')
        return send(403, { statusCode: 403, message: FAKE_RISK_MESSAGES.forbidden });
      const input = json();
      const fields: { field: string; messages: string[] }[] = [];
      const effectiveFrom = typeof input.effectiveFrom === 'string' ? input.effectiveFrom : '';
      const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
      if (reason === '') {
        return send(400, {
          statusCode: 400,
          message: FAKE_RISK_MESSAGES.invalidInput,
          fields: [{ field: 'reason', messages: ['Geef een reden voor de wijziging (1 tot 1000 tekens).'] }],
        });
      }
      if (effectiveFrom < today())
        fields.push({ field: 'effectiveFrom', messages: [FAKE_RISK_MESSAGES.effectiveFromInPast(today())] });
      const definition = (input.definition ?? {}) as Record<string, unknown>;
      for (const key of ['protocolId', 'version', 'effectiveFrom']) {
        if (key in definition) fields.push({ field: `definition.${key}`, messages: ['Onbekend veld.'] });
      }
      const rules = definition.rules;
      if (Array.isArray(rules)) {
        rules.forEach((rule: { measures?: { days?: unknown }[] }, index) =>
          rule.measures?.forEach((measure, measureIndex) => {
            if (typeof measure.days === 'number' && measure.days > 60) {
              fields.push({
                field: `definition.rules[${index}].measures[${measureIndex}].days`,
                messages: ['Te groot: verwacht dat number <=60 is'],
              });
            }
          }),
        );
      }
      if (fields.length > 0) {
        return send(422, {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: FAKE_RISK_MESSAGES.invalidDefinition,
          fields,
        });
      }
      const version = Math.max(...versionsOf(disease).map((row) => row.version)) + 1;
      const row: FakeProtocolVersion = {
        id: randomUUID(),
        protocolId: disease,
        version,
        effectiveFrom,
        createdBy: principal.userId,
        createdAt: new Date().toISOString(),
        definition: { protocolId: disease, version, effectiveFrom, ...definition },
      };
      this.protocolVersions.push(row);
      this.audit.push({
        id: randomUUID(),
        protocolId: disease,
        version,
        action: 'created',
        actor: principal.userId,
        at: row.createdAt,
        reason,
        changes: [{ path: 'title', before: 'Mazelen', after: definition.title }],
      });
      return send(201, row);
    }
    return invalid([]);
  }
}
