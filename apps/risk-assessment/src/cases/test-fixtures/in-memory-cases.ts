import type { EventEnvelope, GroupMembershipChangedV1 } from '@meldpunt/contracts';
import type { OutboxWriter } from '@meldpunt/messaging';
import type { SchoolReplica } from '@meldpunt/platform';
import type { EntityManager } from 'typeorm';
import { FixedClock } from '../../calendar/clock';
import type { ProtocolEvaluator } from '../../protocols/protocol-engine.types';
import { RosterGroup } from '../../rosters/roster-group.entity';
import type { RosterProjection } from '../../rosters/roster-projection';
import { CaseAssessor } from '../case-assessor';
import type { CaseRepository } from '../case.repository';
import type { ContactRepository } from '../contact.repository';
import type { CaseContact } from '../entities/case-contact.entity';
import type { CaseExposureMember } from '../entities/case-exposure-member.entity';
import type { CaseExposure } from '../entities/case-exposure.entity';
import type { CaseMelding } from '../entities/case-melding.entity';
import type { CaseTimelineEntry } from '../entities/case-timeline-entry.entity';
import type { RiskCase } from '../entities/risk-case.entity';
import type { ExposureRepository } from '../exposure.repository';
import type { CaseChange, CaseNotifier } from '../live/case-notifier';
import { ApplyGroupMembershipUseCase } from '../use-cases/apply-group-membership.use-case';
import { ReceiveMeldingUseCase } from '../use-cases/receive-melding.use-case';

const clone = <T extends object>(value: T): T =>
  Object.assign(Object.create(Object.getPrototypeOf(value) as object) as T, value);

/**
 * The cases' storage in memory, with the repository methods the consumer use-cases call (for unit tests: the
 * real repositories are exercised by cases.int-spec.ts). Rows are copied in and out, like a database would.
 */
export class InMemoryCases {
  readonly schools = new Map<string, Pick<SchoolReplica, 'id' | 'clbId' | 'levels'>>();
  readonly groups = new Map<string, RosterGroup>();
  readonly cases = new Map<string, RiskCase>();
  readonly meldingen: CaseMelding[] = [];
  readonly exposures = new Map<string, CaseExposure>();
  readonly members = new Map<string, CaseExposureMember>();
  readonly contacts = new Map<string, CaseContact>();
  readonly timeline: CaseTimelineEntry[] = [];
  readonly notified: CaseChange[] = [];
  readonly outbox: EventEnvelope[] = [];

  readonly manager = {
    getRepository: () => ({
      findOneBy: ({ id }: { id: string }) => Promise.resolve(this.schools.get(id) ?? null),
    }),
  } as unknown as EntityManager;

  readonly caseRepository = {
    lock: () => Promise.resolve(),
    lockForSubject: (_manager: EntityManager, clbId: string, subjectRef: string, disease: string) =>
      Promise.resolve(
        [...this.cases.values()]
          .filter(
            (found) => found.clbId === clbId && found.subjectRef === subjectRef && found.disease === disease,
          )
          .map(clone)[0] ?? null,
      ),
    lockById: (_manager: EntityManager, id: string) => {
      const found = this.cases.get(id);
      return Promise.resolve(found ? clone(found) : null);
    },
    insert: (_manager: EntityManager, riskCase: RiskCase) => {
      if (this.cases.has(riskCase.id)) throw new Error('duplicate case');
      this.cases.set(riskCase.id, clone(riskCase));
      return Promise.resolve();
    },
    save: (_manager: EntityManager, riskCase: RiskCase) => {
      this.cases.set(riskCase.id, clone(riskCase));
      return Promise.resolve();
    },
    addMelding: (_manager: EntityManager, melding: CaseMelding) => {
      if (
        this.meldingen.some(
          (found) => found.caseId === melding.caseId && found.meldingId === melding.meldingId,
        )
      )
        return Promise.resolve(false);
      this.meldingen.push(clone(melding));
      return Promise.resolve(true);
    },
    addTimeline: (_manager: EntityManager, entries: readonly CaseTimelineEntry[]) => {
      this.timeline.push(...entries);
      return Promise.resolve();
    },
    findRelatedCaseIds: (
      _manager: EntityManager,
      groupIds: readonly string[],
      disease: string,
      except: string,
    ) =>
      Promise.resolve(
        [...this.cases.values()]
          .filter((found) => found.disease === disease && found.subjectRef !== except)
          .filter((found) =>
            [...this.exposures.values()].some(
              (exposure) =>
                exposure.caseId === found.id && exposure.groupId && groupIds.includes(exposure.groupId),
            ),
          )
          .map((found) => found.id)
          .sort(),
      ),
  } satisfies Partial<Record<keyof CaseRepository, unknown>>;

  readonly exposureRepository = {
    exposuresOf: (_manager: EntityManager, caseId: string) =>
      Promise.resolve(
        [...this.exposures.values()].filter((exposure) => exposure.caseId === caseId).map(clone),
      ),
    membersOf: (_manager: EntityManager, caseId: string) =>
      Promise.resolve([...this.members.values()].filter((member) => member.caseId === caseId).map(clone)),
    insertExposures: (_manager: EntityManager, exposures: readonly CaseExposure[]) => {
      for (const exposure of exposures) this.exposures.set(exposure.id, clone(exposure));
      return Promise.resolve();
    },
    saveExposures: (_manager: EntityManager, exposures: readonly CaseExposure[]) => {
      for (const exposure of exposures) this.exposures.set(exposure.id, clone(exposure));
      return Promise.resolve();
    },
    addMembers: (_manager: EntityManager, members: readonly CaseExposureMember[], replace = false) => {
      for (const member of members) {
        const key = `${member.exposureId}/${member.contactRef}`;
        if (replace || !this.members.has(key)) this.members.set(key, clone(member));
      }
      return Promise.resolve();
    },
    caseIdsAwaitingRoster: (_manager: EntityManager, groupId: string) =>
      Promise.resolve([
        ...new Set(
          [...this.exposures.values()]
            .filter((exposure) => exposure.groupId === groupId && exposure.awaitingRoster)
            .map((exposure) => exposure.caseId),
        ),
      ]),
    casesInGroups: (_manager: EntityManager, groupIds: readonly string[], disease: string, since: string) => {
      const counts = new Map<string, number>();
      for (const groupId of groupIds) {
        const subjects = new Set(
          [...this.exposures.values()]
            .filter(
              (exposure) =>
                exposure.groupId === groupId &&
                exposure.source === 'melding' &&
                exposure.lastContactDate >= since,
            )
            .map((exposure) => this.cases.get(exposure.caseId))
            .filter((found) => found?.disease === disease)
            .map((found) => found?.subjectRef),
        );
        if (subjects.size > 0) counts.set(groupId, subjects.size);
      }
      return Promise.resolve(counts);
    },
  } satisfies Partial<Record<keyof ExposureRepository, unknown>>;

  readonly contactRepository = {
    contactsOf: (_manager: EntityManager, caseId: string) =>
      Promise.resolve([...this.contacts.values()].filter((contact) => contact.caseId === caseId).map(clone)),
    upsertContacts: (_manager: EntityManager, contacts: readonly CaseContact[]) => {
      for (const contact of contacts) {
        const existing = [...this.contacts.values()].find(
          (found) => found.caseId === contact.caseId && found.contactRef === contact.contactRef,
        );
        this.contacts.set(existing?.id ?? contact.id, { ...clone(contact), id: existing?.id ?? contact.id });
      }
      return Promise.resolve();
    },
  } satisfies Partial<Record<keyof ContactRepository, unknown>>;

  readonly rosterProjection = {
    findGroups: (_manager: EntityManager, ids: readonly string[]) =>
      Promise.resolve(
        new Map(ids.flatMap((id) => (this.groups.has(id) ? [[id, this.groups.get(id) as RosterGroup]] : []))),
      ),
    apply: (_manager: EntityManager, payload: GroupMembershipChangedV1, occurredAt: Date) => {
      const known = this.groups.get(payload.groupId);
      if (known && known.sourceOccurredAt > occurredAt) return Promise.resolve(false);
      this.addGroup(payload, occurredAt);
      return Promise.resolve(true);
    },
  } satisfies Partial<Record<keyof RosterProjection, unknown>>;

  addGroup(payload: GroupMembershipChangedV1, occurredAt = new Date(0)): void {
    this.groups.set(
      payload.groupId,
      Object.assign(new RosterGroup(), {
        id: payload.groupId,
        schoolId: payload.schoolId,
        schoolYear: payload.schoolYear,
        kind: payload.kind,
        name: payload.name,
        level: payload.level,
        pupilRefs: [...payload.pupilRefs],
        staffRefs: [...payload.staffRefs],
        sourceOccurredAt: occurredAt,
      }),
    );
  }

  caseOf(clbId: string, subjectRef: string): RiskCase {
    const found = [...this.cases.values()].find(
      (entry) => entry.clbId === clbId && entry.subjectRef === subjectRef,
    );
    if (!found) throw new Error(`no case of ${subjectRef} in ${clbId}`);
    return found;
  }

  contactsOf(caseId: string): CaseContact[] {
    return [...this.contacts.values()].filter((contact) => contact.caseId === caseId);
  }

  /** The consumer use-cases wired to this store, a protocol stand-in and a fixed clock. */
  useCases(evaluator: ProtocolEvaluator, clock: FixedClock) {
    const exposures = this.exposureRepository as unknown as ExposureRepository;
    const contacts = this.contactRepository as unknown as ContactRepository;
    const cases = this.caseRepository as unknown as CaseRepository;
    const rosters: RosterProjection = this.rosterProjection;
    const assessor = new CaseAssessor(exposures, contacts, evaluator);
    const notifier: CaseNotifier = {
      notify: (_manager: EntityManager, change: CaseChange) => {
        this.notified.push(change);
        return Promise.resolve();
      },
    };
    const outbox = {
      append: (_manager: EntityManager, events: readonly EventEnvelope[]) => {
        this.outbox.push(...events);
        return Promise.resolve();
      },
    } as unknown as OutboxWriter;
    return {
      assessor,
      receive: new ReceiveMeldingUseCase(
        cases,
        exposures,
        rosters,
        assessor,
        notifier,
        outbox,
        evaluator,
        clock,
      ),
      applyGroup: new ApplyGroupMembershipUseCase(rosters, cases, exposures, assessor, notifier, clock),
    };
  }
}
