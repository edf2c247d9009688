import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PROTOCOL_EVALUATOR,
  type Proposal,
  type ProposalInput,
  type ProtocolEvaluator,
} from '../protocols/protocol-engine.types';
import { ContactRepository } from './contact.repository';
import { brusselsDate } from '../calendar/brussels-time';
import { addDays } from '../calendar/calendar-date';
import { effectiveOf } from './domain/classification';
import { expandContacts, type ExposureInput } from './domain/contact-expansion';
import { CaseContact } from './entities/case-contact.entity';
import type { RiskCase } from './entities/risk-case.entity';
import { ExposureRepository } from './exposure.repository';

/**
 * Cases of the disease in a group count together when their last days present lie within this many days of each
 * other: longer than the longest incubation period of the shipped protocols (mumps, 25 days), so a cluster is
 * seen, and short enough that last term's case does not make this term's class a cluster.
 */
export const CASES_IN_GROUP_WINDOW_DAYS = 42;

/**
 * (Re)computes a case's contacts and their proposals: expands every exposure into contacts (one per person, the
 * latest last-contact date, the index excluded), counts the cases in each group, asks the protocol for a proposal
 * per contact (identical questions asked once), keeps overrides, recorded facts and removals, and updates the
 * case's counts. Runs inside the caller's transaction, with the case locked.
 */
@Injectable()
export class CaseAssessor {
  constructor(
    private readonly exposures: ExposureRepository,
    private readonly contacts: ContactRepository,
    @Inject(PROTOCOL_EVALUATOR) private readonly protocols: ProtocolEvaluator,
  ) {}

  /**
   * Returns every contact of the case. The protocol versions that apply are those in force on the day the latest
   * melding of the case was received (Brussels), so a later edit never silently switches protocol version.
   */
  async reassess(manager: EntityManager, riskCase: RiskCase): Promise<CaseContact[]> {
    const onDate = brusselsDate(riskCase.factsReceivedAt);
    const exposures = await this.exposures.exposuresOf(manager, riskCase.id);
    const members = await this.exposures.membersOf(manager, riskCase.id);
    const existing = await this.contacts.contactsOf(manager, riskCase.id);

    const inputs: ExposureInput[] = exposures.map((exposure) => ({
      id: exposure.id,
      kind: exposure.kind,
      lastContactDate: exposure.lastContactDate,
      level: exposure.level ?? riskCase.level,
      members: members
        .filter((member) => member.exposureId === exposure.id)
        .map((member) => ({
          ref: member.contactRef,
          kind: member.contactKind,
          type: member.contactType,
          lastContactDate: member.lastContactDate,
          label: member.label,
        })),
    }));
    const expanded = expandContacts(riskCase.subjectRef, inputs);

    const groupOf = new Map(exposures.map((exposure) => [exposure.id, exposure.groupId]));
    const groupIds = exposures.flatMap((exposure) => (exposure.groupId ? [exposure.groupId] : []));
    const casesInGroups = await this.exposures.casesInGroups(
      manager,
      groupIds,
      riskCase.disease,
      addDays(riskCase.lastDayPresent, -CASES_IN_GROUP_WINDOW_DAYS),
    );
    const before = new Map(existing.map((contact) => [contact.contactRef, contact]));
    const asked = new Map<string, Promise<Proposal>>();
    const propose = (input: ProposalInput): Promise<Proposal> => {
      const key = JSON.stringify(input);
      let proposal = asked.get(key);
      if (!proposal) {
        proposal = this.protocols.propose(input, onDate);
        asked.set(key, proposal);
      }
      return proposal;
    };

    const updated = await Promise.all(
      expanded.map(async (contact) => {
        const prior = before.get(contact.ref);
        const casesInGroup = Math.max(
          1,
          ...contact.exposureIds.map((id) => {
            const groupId = groupOf.get(id);
            return groupId ? (casesInGroups.get(groupId) ?? 1) : 1;
          }),
        );
        const vaccinated = prior?.vaccinated ?? null;
        const proposal = await propose({
          disease: riskCase.disease,
          level: contact.level,
          contactType: contact.type,
          lastContactDate: contact.lastContactDate,
          facts: { vaccinated, casesInGroup },
          // Deadlines such as "chemoprophylaxis within 24 h" count from the (latest) melding.
          receivedAt: riskCase.factsReceivedAt.toISOString(),
        });
        const override = prior?.override ?? null;
        return Object.assign(new CaseContact(), {
          id: prior?.id ?? randomUUID(),
          caseId: riskCase.id,
          contactRef: contact.ref,
          contactKind: contact.kind,
          contactType: contact.type,
          level: contact.level,
          lastContactDate: contact.lastContactDate,
          exposureIds: [...contact.exposureIds],
          label: contact.label,
          vaccinated,
          proposal,
          override,
          risk: effectiveOf(proposal, override).risk,
          removedAt: prior?.removedAt ?? null,
          removedBy: prior?.removedBy ?? null,
        } satisfies CaseContact);
      }),
    );
    await this.contacts.upsertContacts(manager, updated);

    const derived = new Set(updated.map((contact) => contact.contactRef));
    const all = [...updated, ...existing.filter((contact) => !derived.has(contact.contactRef))];
    const active = all.filter((contact) => contact.removedAt === null);
    riskCase.contactCount = active.length;
    riskCase.highRiskCount = active.filter((contact) => contact.risk === 'high').length;
    return all;
  }
}
