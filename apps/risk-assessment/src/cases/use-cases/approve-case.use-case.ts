import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { CONTRACTS, TOPICS } from '@meldpunt/contracts';
import { createEnvelope, OutboxRelay, OutboxWriter } from '@meldpunt/messaging';
import { CaseChanges, timelineEntry } from '../case-changes';
import { CaseRepository } from '../case.repository';
import { ContactRepository } from '../contact.repository';
import { ExposureRepository } from '../exposure.repository';
import { draftDecision, effectiveOf } from '../domain/classification';
import type { CaseExposure } from '../entities/case-exposure.entity';
import { CaseDecision } from '../entities/case-decision.entity';
import { meldingsProgressed } from '../melding-progress';

export interface ApproveResult {
  /** The version in force after the approval. */
  readonly decisionVersion: number;
  /** false: nothing changed since the last version; nothing was published. */
  readonly published: boolean;
  readonly changedCount: number;
}

/**
 * A doctor approves the case (the route allows doctors only): every active contact's effective classification
 * becomes decision version n+1, published through the outbox as risk.measures.decided.v1 with a `changed` flag per
 * contact. If nothing differs from version n, nothing is published (approving twice is harmless) and a reopened
 * case simply returns to decided.
 */
@Injectable()
export class ApproveCaseUseCase {
  constructor(
    private readonly changes: CaseChanges,
    private readonly contacts: ContactRepository,
    private readonly cases: CaseRepository,
    private readonly exposures: ExposureRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(scope: TenancyScope, caseId: string): Promise<ApproveResult> {
    const userId = scope.principal.userId;
    const result = await this.changes.apply(scope, caseId, async (manager, riskCase, now) => {
      const previous = await this.contacts.latestDecision(manager, caseId);
      const active = (await this.contacts.contactsOf(manager, caseId)).filter(
        (contact) => contact.removedAt === null,
      );
      const draft = draftDecision(
        previous?.contacts ?? null,
        active.map((contact) => ({
          contactRef: contact.contactRef,
          contactKind: contact.contactKind,
          effective: effectiveOf(contact.proposal, contact.override),
        })),
      );
      if (draft.unchanged && previous) {
        const wasOpen = riskCase.status === 'open';
        Object.assign(riskCase, { status: 'decided', reassessment: false });
        return {
          result: { decisionVersion: previous.version, published: false, changedCount: 0 },
          timeline: wasOpen
            ? [timelineEntry(riskCase, 'approved-unchanged', userId, now, { version: previous.version })]
            : [],
          reopens: false,
        };
      }
      const version = riskCase.decisionVersion + 1;
      const exposureIdsOf = new Map(active.map((contact) => [contact.contactRef, contact.exposureIds]));
      const event = createEnvelope(
        CONTRACTS,
        TOPICS.RISK_MEASURES_DECIDED,
        {
          caseId: riskCase.id,
          clbId: riskCase.clbId,
          schoolId: riskCase.schoolId,
          disease: riskCase.disease,
          decisionVersion: version,
          decidedAt: now.toISOString(),
          contacts: draft.contacts.map((contact) => ({
            contactRef: contact.contactRef,
            contactKind: contact.contactKind,
            risk: contact.risk,
            measures: contact.measures.map((measure) => ({ ...measure })),
            letterKind: contact.letterKind,
            changed: contact.changed,
            exposureIds: exposureIdsOf.get(contact.contactRef) ?? [],
          })),
          withdrawnContactRefs: draft.withdrawnContactRefs,
          exposures: exposuresForNotice(await this.exposures.exposuresOf(manager, caseId)),
        },
        {
          producer: 'risk-assessment',
          correlationId: riskCase.correlationId,
          eventId: randomUUID(),
          occurredAt: now,
        },
      );
      await this.contacts.insertDecision(
        manager,
        Object.assign(new CaseDecision(), {
          caseId: riskCase.id,
          version,
          decidedAt: now,
          decidedBy: userId,
          eventId: event.eventId,
          contacts: draft.contacts,
          withdrawnContactRefs: draft.withdrawnContactRefs,
        } satisfies CaseDecision),
      );
      const progressed = meldingsProgressed(
        await this.cases.meldingenIn(manager, riskCase.id),
        { caseId: riskCase.id, stage: 'measures-decided', decisionVersion: version, at: now },
        { correlationId: riskCase.correlationId, causationId: event.eventId },
      );
      await this.outbox.append(manager, [event, ...progressed]);
      Object.assign(riskCase, {
        status: 'decided',
        decisionVersion: version,
        decidedAt: now,
        reassessment: false,
      });
      return {
        result: { decisionVersion: version, published: true, changedCount: draft.changedCount },
        timeline: [
          timelineEntry(riskCase, 'approved', userId, now, {
            version,
            contacts: draft.contacts.length,
            changed: draft.changedCount,
            withdrawn: draft.withdrawnContactRefs.length,
          }),
        ],
        reopens: false,
      };
    });
    if (result.published) this.relay.poke();
    return result;
  }
}

/** The exposures as the school's class notice needs them: ids and enums only (labels are free text). */
export function exposuresForNotice(exposures: readonly CaseExposure[]) {
  return exposures.map((exposure) => ({
    exposureId: exposure.id,
    kind: exposure.kind,
    groupId: exposure.groupId,
    activity: exposure.activity,
    lastContactDate: exposure.lastContactDate,
  }));
}
