import { Injectable } from '@nestjs/common';
import {
  CONTRACTS,
  TOPICS,
  type ContactChannel,
  type DeliveryFailureReason,
  type DeliveryResolvedBy,
  type LetterStatus,
} from '@meldpunt/contracts';
import { createEnvelope, OutboxWriter } from '@meldpunt/messaging';
import type { EntityManager } from 'typeorm';

export interface DeliveryFact {
  readonly contactRef: string;
  readonly guardianRef: string | null;
}

export interface DeliveryOutcome {
  readonly caseId: string;
  readonly decisionVersion: number;
  readonly status: LetterStatus;
  readonly channel: ContactChannel | null;
  readonly at: Date;
  readonly correlationId: string;
  /** Why a `failed` letter failed (optional field of the v1 event). */
  readonly reason?: DeliveryFailureReason;
  /** A dead letter staff resolved (`delivered` with how the family was reached). */
  readonly resolvedBy?: DeliveryResolvedBy;
}

/**
 * communication.delivery.updated.v1 through the outbox, in the caller's transaction: one event per contact and
 * guardian a letter was (or could not be) written to. Refs only.
 */
@Injectable()
export class DeliveryUpdates {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(
    manager: EntityManager,
    outcome: DeliveryOutcome,
    facts: readonly DeliveryFact[],
  ): Promise<void> {
    const seen = new Set<string>();
    const envelopes = facts
      .filter((fact) => {
        const key = `${fact.contactRef}/${fact.guardianRef ?? ''}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((fact) =>
        createEnvelope(
          CONTRACTS,
          TOPICS.DELIVERY_UPDATED,
          {
            caseId: outcome.caseId,
            decisionVersion: outcome.decisionVersion,
            contactRef: fact.contactRef,
            guardianRef: fact.guardianRef,
            status: outcome.status,
            channel: outcome.channel,
            at: outcome.at.toISOString(),
            ...(outcome.reason ? { reason: outcome.reason } : {}),
            ...(outcome.resolvedBy ? { resolvedBy: outcome.resolvedBy } : {}),
          },
          { producer: 'communication', correlationId: outcome.correlationId },
        ),
      );
    await this.outbox.append(manager, envelopes);
  }
}
