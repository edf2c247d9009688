import { Injectable } from '@nestjs/common';
import type { DeliveryUpdatedV1 } from '@meldpunt/contracts';
import { OutboxWriter } from '@meldpunt/messaging';
import type { EntityManager } from 'typeorm';
import { CaseRepository } from '../case.repository';
import { UnknownCaseError } from '../cases.errors';
import { ContactRepository } from '../contact.repository';
import { LetterStatusRecord, NO_GUARDIAN } from '../entities/letter-status.entity';
import { CaseNotifier } from '../live/case-notifier';
import { lettersAccountedFor, meldingsProgressed } from '../melding-progress';

/**
 * What communication reports about a letter of a decision: kept per case, decision version, contact and guardian
 * (the latest by `at` wins, whatever the arrival order), shown on the case page, announced to the live queue.
 */
@Injectable()
export class RecordLetterStatusUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly contacts: ContactRepository,
    private readonly notifier: CaseNotifier,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(manager: EntityManager, payload: DeliveryUpdatedV1): Promise<void> {
    const riskCase = await this.cases.lockById(manager, payload.caseId);
    if (!riskCase) throw new UnknownCaseError(payload.caseId);
    const changed = await this.contacts.upsertLetterStatus(
      manager,
      Object.assign(new LetterStatusRecord(), {
        caseId: payload.caseId,
        decisionVersion: payload.decisionVersion,
        contactRef: payload.contactRef,
        guardianRef: payload.guardianRef ?? NO_GUARDIAN,
        status: payload.status,
        channel: payload.channel,
        at: new Date(payload.at),
      } satisfies LetterStatusRecord),
    );
    if (!changed) return;
    await this.notifier.notify(manager, {
      kind: 'case-changed',
      caseId: riskCase.id,
      clbId: riskCase.clbId,
    });
    // Every letter of the latest decision accounted for: the school sees "letters sent" on its meldingen.
    const latest = await this.contacts.latestDecision(manager, riskCase.id);
    if (!latest || latest.version !== payload.decisionVersion) return;
    const reported = await this.contacts.contactsWithLetterStatus(manager, riskCase.id, latest.version);
    if (!lettersAccountedFor(latest.contacts, reported)) return;
    await this.outbox.append(
      manager,
      meldingsProgressed(
        await this.cases.meldingenIn(manager, riskCase.id),
        {
          caseId: riskCase.id,
          stage: 'letters-sent',
          decisionVersion: latest.version,
          at: new Date(payload.at),
        },
        { correlationId: riskCase.correlationId },
      ),
    );
  }
}
