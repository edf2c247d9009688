// Test double of the communication service on node:http: verifies the console's bearer token like the real
// service (ServiceTokenVerifier, audience "communication"), checks roles and CLB tenancy, and serves the campaign
// and dead-letter API the console's pages use, from memory, in the shapes of communication's DTOs
// (apps/communication/src/campaigns/README.md, letters/dto/dead-letter.response.dto.ts). Tests move a campaign on
// with `deliver`/`fail`. When that API changes, change this file with it: the console's tests trust it.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { TenancyScope, type Principal, type Role } from '@meldpunt/auth';
import { FakeService, type FakeCall } from './fake-service';

type Channel = 'email' | 'sms';

/** One guardian address a group's campaign letter would go to. */
export interface FakeRecipient {
  language: string;
  channel: Channel;
}

/** A group of the audience directory, with who its letter reaches (the fake does no sibling merging). */
export interface FakeAudienceGroup {
  id: string;
  name: string;
  level: string;
  kind: 'class' | 'group' | 'living-group';
  pupils: number;
  recipients: FakeRecipient[];
  optedOut: number;
  unreachable: number;
}

export interface FakeAudienceSchool {
  id: string;
  clbId: string;
  name: string;
  levels: string[];
  groups: FakeAudienceGroup[];
}

/** CampaignResponseDto. */
export interface FakeCampaign {
  id: string;
  title: string;
  disease: string;
  clbId: string;
  status: 'sending' | 'completed' | 'cancelled';
  total: number;
  sent: number;
  failed: number;
  cancelled: number;
  pending: number;
  createdAt: string;
  createdBy: string;
  completedAt: string | null;
  cancelledAt: string | null;
  pupils: number;
  optedOut: number;
  unreachable: number;
  audience: { schoolIds: string[]; groupIds?: string[]; levels?: string[] };
}

/** DeadLetterDto, plus the CLB it belongs to (the real list is scoped by it). */
export interface FakeDeadLetter {
  id: string;
  messageId: string;
  caseId: string | null;
  decisionVersion: number | null;
  campaignId: string | null;
  schoolId: string;
  channel: Channel;
  guardianRef: string;
  contactRefs: string[];
  /** Whom to call (DeadLetterGuardianDto), or null when the guardian is no longer on record. */
  guardian: {
    name: string;
    language: string;
    email: string | null;
    mobile: string | null;
    householdLabel: string;
  } | null;
  reason: string;
  status: 'open' | 'retried' | 'resolved';
  note: string | null;
  handledBy: string | null;
  handledAt: string | null;
  createdAt: string;
  clbId: string;
}

export interface FakeCommunicationRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly principal: Principal | null;
  readonly body: string;
}

/**
 * communication's texts the console shows as they come: campaigns.messages.ts and letters.messages.ts, field
 * messages as the validation pipe words them (`<field> <text>`, platform's `says`).
 */
export const FAKE_COMMUNICATION_MESSAGES = {
  forbidden: 'U hebt geen toegang tot deze functie.',
  invalid: 'De invoer is ongeldig.',
  clbNotAllowed: 'U hebt geen toegang tot dit CLB.',
  title: 'title moet een titel van 1 tot 200 tekens zijn.',
  clbId: 'clbId moet een geldige id (UUID) zijn.',
  disease: (diseases: readonly string[]) => `disease moet een van deze ziektes zijn: ${diseases.join(', ')}.`,
  schoolIds: 'audience.schoolIds moet minstens één school bevatten (maximaal 500).',
  schoolNotInClb: 'audience.schoolIds bevat een school die niet (meer) bij dit CLB hoort.',
  noRecipients:
    'audience bereikt niemand: kies een doelgroep met ouders die een e-mailadres of gsm-nummer hebben.',
  campaignNotFound: 'Deze campagne bestaat niet of hoort niet bij uw CLB.',
  alreadyCancelled: 'Deze campagne is al geannuleerd.',
  alreadyFinished: 'Deze campagne is al volledig verstuurd en kan niet meer geannuleerd worden.',
  deadLetterNotFound: 'Deze onbestelbare brief bestaat niet of hoort niet bij uw CLB.',
  deadLetterHandled: 'Deze onbestelbare brief is al afgehandeld.',
  noteRequired: 'note Geef kort aan hoe het gezin bereikt werd (bijvoorbeeld "telefonisch gemeld").',
} as const;

/** The FAILURE_REASONS of letters.messages.ts (and a provider's bounce report). */
export const FAKE_FAILURE_REASONS = {
  contactRemoved: 'De contactgegevens van deze ouder zijn intussen verwijderd.',
  noAddress: 'Er is geen adres meer voor dit kanaal.',
  lastAttempt: (error: string) => `Niet afgeleverd na de laatste poging: ${error}`,
  refused: (error: string) => `Geweigerd door de provider: ${error}`,
  /** providers/delivery-reports.messages.ts REPORT_FAILURES.bounced */
  bounced: (reason: string) => `Teruggekaatst (gemeld door de provider): ${reason}.`,
} as const;

const ROLES: readonly Role[] = ['clb-staff', 'doctor', 'coordinator', 'admin'];
/** libs/contracts DISEASES. */
const DISEASES = ['covid-19', 'mumps', 'measles', 'meningococcal', 'pertussis', 'scarlet-fever', 'other'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class FakeCommunication extends FakeService {
  readonly requests: FakeCommunicationRequest[] = [];
  readonly schools: FakeAudienceSchool[] = [];
  readonly campaigns: FakeCampaign[] = [];
  readonly deadLetters: FakeDeadLetter[] = [];
  /** Idempotency-Key → campaign id. */
  private readonly keys = new Map<string, string>();

  private constructor(publicKey: string) {
    super(publicKey, 'communication');
  }

  static async start(publicKey: string): Promise<FakeCommunication> {
    return new FakeCommunication(publicKey).listen();
  }

  /** A school of the audience directory. */
  addSchool(school: Omit<FakeAudienceSchool, 'id'> & { id?: string }): FakeAudienceSchool {
    const added = { ...school, id: school.id ?? randomUUID() };
    this.schools.push(added);
    return added;
  }

  /** A campaign as if someone made it earlier. */
  seedCampaign(
    campaign: Partial<FakeCampaign> & Pick<FakeCampaign, 'clbId' | 'title' | 'total'>,
  ): FakeCampaign {
    const seeded: FakeCampaign = {
      id: randomUUID(),
      disease: 'measles',
      status: 'sending',
      sent: 0,
      failed: 0,
      cancelled: 0,
      createdAt: new Date().toISOString(),
      createdBy: 'someone',
      completedAt: null,
      cancelledAt: null,
      pupils: 0,
      optedOut: 0,
      unreachable: 0,
      audience: { schoolIds: [] },
      ...campaign,
      pending: 0,
    };
    seeded.pending = seeded.total - seeded.sent - seeded.failed - seeded.cancelled;
    this.campaigns.push(seeded);
    return seeded;
  }

  /** `count` of a campaign's pending messages are sent (the worker's progress); completes it when none are left. */
  deliver(campaignId: string, count: number): FakeCampaign {
    return this.progress(campaignId, count, 'sent');
  }

  /** `count` of a campaign's pending messages failed for good. */
  fail(campaignId: string, count: number): FakeCampaign {
    return this.progress(campaignId, count, 'failed');
  }

  seedDeadLetter(dead: Partial<FakeDeadLetter> & Pick<FakeDeadLetter, 'clbId' | 'schoolId'>): FakeDeadLetter {
    const seeded: FakeDeadLetter = {
      id: randomUUID(),
      messageId: randomUUID(),
      caseId: randomUUID(),
      decisionVersion: 1,
      campaignId: null,
      channel: 'email',
      guardianRef: randomUUID(),
      contactRefs: [],
      guardian: null,
      reason: FAKE_FAILURE_REASONS.lastAttempt('connect ECONNREFUSED 127.0.0.1:25'),
      status: 'open',
      note: null,
      handledBy: null,
      handledAt: null,
      createdAt: new Date().toISOString(),
      ...dead,
    };
    this.deadLetters.push(seeded);
    return seeded;
  }

  private progress(campaignId: string, count: number, into: 'sent' | 'failed'): FakeCampaign {
    const campaign = this.campaigns.find((candidate) => candidate.id === campaignId);
    if (!campaign) throw new Error(`no campaign ${campaignId}`);
    const moved = Math.min(count, campaign.pending);
    campaign[into] += moved;
    campaign.pending -= moved;
    if (campaign.pending === 0 && campaign.status === 'sending') {
      campaign.status = 'completed';
      campaign.completedAt = new Date().toISOString();
    }
    return campaign;
  }

  protected async serve({ request, response, url, body, principal }: FakeCall): Promise<void> {
    const send = (status: number, payload: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    this.requests.push({
      method: request.method ?? '',
      url: url.pathname + url.search,
      headers: request.headers,
      principal,
      body,
    });
    if (!principal) return send(401, { statusCode: 401, message: 'Aanmelden is vereist.' });
    if (!ROLES.includes(principal.role)) {
      return send(403, { statusCode: 403, message: FAKE_COMMUNICATION_MESSAGES.forbidden });
    }
    try {
      this.route(request, url, body, principal, send);
    } catch (error) {
      send(500, { statusCode: 500, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private route(
    request: IncomingMessage,
    url: URL,
    body: string,
    principal: Principal,
    send: (status: number, payload: unknown) => void,
  ): void {
    const method = request.method ?? 'GET';
    const scope = TenancyScope.of(principal);
    const path = url.pathname;
    const json = (): Record<string, unknown> => {
      try {
        const parsed: unknown = JSON.parse(body || '{}');
        return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    };
    const invalid = (fields: { field: string; messages: string[] }[]) =>
      send(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: FAKE_COMMUNICATION_MESSAGES.invalid,
        fields,
      });
    const notFound = (message: string) => send(404, { statusCode: 404, error: 'Not Found', message });
    const conflict = (message: string) => send(409, { statusCode: 409, error: 'Conflict', message });
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/v1/campaigns/audiences') {
      const clbId = url.searchParams.get('clbId');
      if (clbId && !scope.allowsClb(clbId))
        return send(403, { statusCode: 403, message: FAKE_COMMUNICATION_MESSAGES.clbNotAllowed });
      return send(200, {
        schools: this.schools
          .filter((school) => (clbId ? school.clbId === clbId : scope.allowsClb(school.clbId)))
          .map(({ id, name, levels, groups }) => ({
            id,
            name,
            levels,
            groups: groups.map(({ id: groupId, name: groupName, level, kind, pupils }) => ({
              id: groupId,
              name: groupName,
              level,
              kind,
              pupils,
            })),
          })),
      });
    }
    if (method === 'POST' && path === '/v1/campaigns/preview') {
      const input = json();
      const refused = this.refusal(input, scope, false);
      if (refused?.status === 400) return invalid(refused.fields);
      if (refused) return send(403, { statusCode: 403, error: 'Forbidden', message: refused.message });
      return send(200, this.preview(input));
    }
    if (method === 'POST' && path === '/v1/campaigns') {
      const key = request.headers['idempotency-key'];
      const known = typeof key === 'string' ? this.keys.get(key) : undefined;
      const existing = known ? this.campaigns.find((campaign) => campaign.id === known) : undefined;
      if (existing) return send(201, existing);
      const input = json();
      const refused = this.refusal(input, scope, true);
      if (refused?.status === 400) return invalid(refused.fields);
      if (refused) return send(403, { statusCode: 403, error: 'Forbidden', message: refused.message });
      const preview = this.preview(input);
      if (preview.recipients === 0) {
        return invalid([{ field: 'audience', messages: [FAKE_COMMUNICATION_MESSAGES.noRecipients] }]);
      }
      const campaign = this.seedCampaign({
        clbId: String(input.clbId),
        title: String(input.title).trim(),
        disease: String(input.disease),
        total: preview.recipients,
        pupils: preview.pupils,
        optedOut: preview.optedOut,
        unreachable: preview.unreachable,
        createdBy: principal.userId,
        audience: input.audience as FakeCampaign['audience'],
      });
      if (typeof key === 'string') this.keys.set(key, campaign.id);
      return send(201, campaign);
    }
    if (method === 'GET' && path === '/v1/campaigns') {
      const clbId = url.searchParams.get('clbId');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const visible = this.campaigns
        .filter((campaign) => scope.allowsClb(campaign.clbId) && (!clbId || campaign.clbId === clbId))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return send(200, { items: visible.slice(offset, offset + limit), total: visible.length });
    }
    if ((m = /^\/v1\/campaigns\/([^/]+)$/.exec(path)) && method === 'GET') {
      const campaign = this.campaigns.find((candidate) => candidate.id === m?.[1]);
      if (!campaign || !scope.allowsClb(campaign.clbId))
        return notFound(FAKE_COMMUNICATION_MESSAGES.campaignNotFound);
      return send(200, campaign);
    }
    if ((m = /^\/v1\/campaigns\/([^/]+)\/cancel$/.exec(path)) && method === 'POST') {
      const campaign = this.campaigns.find((candidate) => candidate.id === m?.[1]);
      if (!campaign || !scope.allowsClb(campaign.clbId))
        return notFound(FAKE_COMMUNICATION_MESSAGES.campaignNotFound);
      if (campaign.status === 'cancelled') return conflict(FAKE_COMMUNICATION_MESSAGES.alreadyCancelled);
      if (campaign.status !== 'sending') return conflict(FAKE_COMMUNICATION_MESSAGES.alreadyFinished);
      campaign.cancelled += campaign.pending;
      campaign.pending = 0;
      campaign.status = 'cancelled';
      campaign.completedAt = new Date().toISOString();
      campaign.cancelledAt = campaign.completedAt;
      return send(200, campaign);
    }

    if (method === 'GET' && path === '/v1/dead-letters') {
      const status = url.searchParams.get('status') ?? 'open';
      if (!['open', 'retried', 'resolved', 'all'].includes(status)) {
        return invalid([{ field: 'status', messages: ['Kies een van: open, retried, resolved, all.'] }]);
      }
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const visible = this.deadLetters
        .filter((dead) => scope.allowsClb(dead.clbId) && (status === 'all' || dead.status === status))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
      return send(200, {
        items: visible.slice(offset, offset + limit).map(({ clbId: _clbId, ...dto }) => dto),
        total: visible.length,
      });
    }
    if ((m = /^\/v1\/dead-letters\/([^/]+)\/(retry|resolve)$/.exec(path)) && method === 'POST') {
      const dead = this.deadLetters.find((candidate) => candidate.id === m?.[1]);
      if (!dead || !scope.allowsClb(dead.clbId))
        return notFound(FAKE_COMMUNICATION_MESSAGES.deadLetterNotFound);
      const note = json().note;
      if (m[2] === 'resolve' && (typeof note !== 'string' || !note.trim())) {
        return invalid([{ field: 'note', messages: [FAKE_COMMUNICATION_MESSAGES.noteRequired] }]);
      }
      if (dead.status !== 'open') return conflict(FAKE_COMMUNICATION_MESSAGES.deadLetterHandled);
      Object.assign(dead, {
        status: m[2] === 'retry' ? 'retried' : 'resolved',
        note: m[2] === 'resolve' ? String(note).trim() : null,
        handledBy: principal.userId,
        handledAt: new Date().toISOString(),
      });
      const { clbId: _clbId, ...dto } = dead;
      return send(m[2] === 'retry' ? 202 : 200, dto);
    }
    send(404, { statusCode: 404, message: `fake communication has no ${method} ${path}` });
  }

  /**
   * What communication refuses: the DTO's field errors first (validation pipe), then the planner's (CLB not the
   * caller's → 403; a school not of that CLB → a field error); null when the body is fine.
   */
  private refusal(
    input: Record<string, unknown>,
    scope: TenancyScope,
    withTitle: boolean,
  ):
    | { status: 400; fields: { field: string; messages: string[] }[] }
    | { status: 403; message: string }
    | null {
    const M = FAKE_COMMUNICATION_MESSAGES;
    const fields: { field: string; messages: string[] }[] = [];
    if (withTitle && (typeof input.title !== 'string' || !input.title.trim() || input.title.length > 200)) {
      fields.push({ field: 'title', messages: [M.title] });
    }
    if (typeof input.clbId !== 'string' || !UUID.test(input.clbId)) {
      fields.push({ field: 'clbId', messages: [M.clbId] });
    }
    if (typeof input.disease !== 'string' || !DISEASES.includes(input.disease)) {
      fields.push({ field: 'disease', messages: [M.disease(DISEASES)] });
    }
    const audience = (input.audience ?? {}) as Record<string, unknown>;
    const schoolIds = audience.schoolIds;
    if (!Array.isArray(schoolIds) || schoolIds.length === 0) {
      fields.push({ field: 'audience.schoolIds', messages: [M.schoolIds] });
    }
    if (fields.length > 0) return { status: 400, fields };
    if (!scope.allowsClb(String(input.clbId))) return { status: 403, message: M.clbNotAllowed };
    const inClb = (id: unknown) =>
      this.schools.some((school) => school.id === id && school.clbId === input.clbId);
    if (!(schoolIds as unknown[]).every(inClb)) {
      return { status: 400, fields: [{ field: 'audience.schoolIds', messages: [M.schoolNotInClb] }] };
    }
    return null;
  }

  /** Sums the chosen groups (of the chosen schools, narrowed to groupIds and levels when given). */
  private preview(input: Record<string, unknown>): {
    pupils: number;
    recipients: number;
    byLanguage: { language: string; email: number; sms: number }[];
    optedOut: number;
    unreachable: number;
  } {
    const audience = input.audience as { schoolIds: string[]; groupIds?: string[]; levels?: string[] };
    const groups = this.schools
      .filter((school) => audience.schoolIds.includes(school.id))
      .flatMap((school) => school.groups)
      .filter((group) => !audience.groupIds || audience.groupIds.includes(group.id))
      .filter((group) => !audience.levels || audience.levels.includes(group.level));
    const byLanguage = new Map<string, { language: string; email: number; sms: number }>();
    for (const recipient of groups.flatMap((group) => group.recipients)) {
      const row = byLanguage.get(recipient.language) ?? { language: recipient.language, email: 0, sms: 0 };
      row[recipient.channel] += 1;
      byLanguage.set(recipient.language, row);
    }
    return {
      pupils: groups.reduce((sum, group) => sum + group.pupils, 0),
      recipients: groups.reduce((sum, group) => sum + group.recipients.length, 0),
      byLanguage: [...byLanguage.values()].sort((a, b) => b.email + b.sms - (a.email + a.sms)),
      optedOut: groups.reduce((sum, group) => sum + group.optedOut, 0),
      unreachable: groups.reduce((sum, group) => sum + group.unreachable, 0),
    };
  }
}
