import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenancyScope } from '@meldpunt/auth';
import { CONTRACTS, TOPICS } from '@meldpunt/contracts';
import { createEnvelope, OutboxRelay, OutboxWriter } from '@meldpunt/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { SchoolLookup, type SchoolSummary } from '../../credentials/school-lookup';
import { brusselsDate, brusselsYear } from '../calendar-date';
import { Clock } from '../clock';
import { decideIdempotency, requestFingerprint } from '../idempotency';
import type { MeldingAcceptedBody, MeldingInput } from '../melding-input';
import { KafkaAvailability } from '../kafka-availability';
import {
  channelOf,
  idempotencyOwnerOf,
  principalOf,
  submitterOf,
  type MeldingCaller,
} from '../melding-caller';
import { MeldingConfirmationQueue } from '../melding-confirmation.queue';
import { checkMeldingDates } from '../melding-date-rules';
import { MeldingIdempotencyKey } from '../melding-idempotency-key.entity';
import {
  MeldingIdempotencyRepository,
  type IdempotentMeldingResponse,
} from '../melding-idempotency.repository';
import { nextMeldingReference } from '../melding-reference';
import { MeldingReport } from '../melding-report.entity';
import { Melding } from '../melding.entity';
import { MeldingRepository } from '../melding.repository';
import { AccessDeniedError, RejectedError } from '../meldingen.errors';
import { MESSAGES } from '../meldingen.messages';
import { RosterLookup } from '../roster-lookup';

export interface SubmitMeldingCommand {
  readonly caller: MeldingCaller;
  readonly input: MeldingInput;
  readonly idempotencyKey: string | null;
}

export interface SubmitMeldingResult {
  /** accepted: a new melding (202); merged: added to an existing one (200). */
  readonly outcome: 'accepted' | 'merged';
  readonly body: MeldingAcceptedBody;
  /** true when this is the remembered answer to an earlier request with the same Idempotency-Key. */
  readonly replayed: boolean;
}

interface Subject {
  readonly ref: string;
  /** Identifies the person within the school for merging (for unlisted people: normalised name and birth date). */
  readonly key: string;
  readonly groupIds: readonly string[];
  readonly clbIds: readonly string[];
}

function normalizeName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function bodyOf(melding: Pick<Melding, 'id' | 'reference' | 'status'>, merged: boolean): MeldingAcceptedBody {
  return {
    reference: melding.reference,
    meldingId: melding.id,
    status: melding.status,
    statusUrl: `/v1/meldingen/${melding.id}`,
    merged,
  };
}

/**
 * Receives a melding from any channel. Nothing is written unless it is accepted; when it is, the melding, the
 * report, the remembered idempotent response and the meldingen.melding.received.v1 event (outbox) are written in
 * one transaction. The same person + disease + onset reported again is merged into the existing melding: the
 * report is recorded, no second event. The confirmation e-mail is queued after the commit.
 */
@Injectable()
export class SubmitMeldingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meldingen: MeldingRepository,
    private readonly idempotency: MeldingIdempotencyRepository,
    private readonly schools: SchoolLookup,
    private readonly roster: RosterLookup,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly kafka: KafkaAvailability,
    private readonly confirmations: MeldingConfirmationQueue,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitMeldingCommand): Promise<SubmitMeldingResult> {
    const { caller, input, idempotencyKey } = command;
    if (!TenancyScope.of(principalOf(caller)).allowsSchool(input.schoolId, [])) {
      throw new AccessDeniedError(MESSAGES.forbiddenSchool);
    }
    const owner = idempotencyOwnerOf(caller);
    const fingerprint = requestFingerprint(input);
    if (idempotencyKey !== null) {
      const earlier = await this.replayOrConflict(owner, idempotencyKey, fingerprint);
      if (earlier) return earlier;
    }

    const now = this.clock.now();
    const dateErrors = checkMeldingDates(
      { ...input, birthDate: input.subject.birthDate ?? null },
      brusselsDate(now),
    );
    if (dateErrors.length > 0) throw new RejectedError(dateErrors);

    const school = await this.schools.findById(input.schoolId);
    if (!school) throw new RejectedError([{ field: 'schoolId', messages: [MESSAGES.rules.unknownSchool] }]);
    const subject = await this.subjectOf(school, input);
    const groupIds = input.groupIds ?? [];
    const unknownGroups = await this.roster.unknownGroupIds(school, groupIds);
    if (unknownGroups.length > 0) {
      throw new RejectedError(
        unknownGroups.map((groupId) => ({
          field: `groupIds[${groupIds.indexOf(groupId)}]`,
          messages: [MESSAGES.rules.unknownGroup],
        })),
      );
    }
    // Refuse what cannot be announced now instead of accepting it silently (the outbox would hold it).
    await this.kafka.assertUp();

    const disease =
      input.disease === 'other' ? `other:${normalizeName(input.diseaseOther ?? '')}` : input.disease;
    const dedupKey = sha256([school.id, subject.key, disease, input.onsetDate ?? 'no-symptoms'].join('|'));
    const result = await this.dataSource.transaction(async (manager) => {
      await this.meldingen.lock(manager, [
        `melding-dedup:${dedupKey}`,
        ...(idempotencyKey !== null ? [`melding-idempotency:${owner}:${idempotencyKey}`] : []),
      ]);
      if (idempotencyKey !== null) {
        const stored = await this.idempotency.find(owner, idempotencyKey, manager);
        const decision = decideIdempotency(stored, fingerprint, now);
        if (decision.kind === 'conflict') throw this.idempotencyConflict();
        if (decision.kind === 'replay') return this.replayOf(decision.response);
      }

      const existing = await this.meldingen.findByDedupKey(manager, dedupKey);
      const melding =
        existing ??
        (await this.createMelding(manager, school, subject, input, caller, dedupKey, groupIds, now));
      await this.meldingen.insertReport(
        manager,
        Object.assign(new MeldingReport(), {
          id: randomUUID(),
          meldingId: melding.id,
          channel: channelOf(caller),
          submittedBy: submitterOf(caller),
          merged: existing !== null,
          idempotencyKey,
          details: input,
          receivedAt: now,
        }),
      );
      const outcome = existing ? 'merged' : 'accepted';
      const body = bodyOf(melding, existing !== null);
      if (idempotencyKey !== null) {
        await this.idempotency.save(
          manager,
          Object.assign(new MeldingIdempotencyKey(), {
            caller: owner,
            key: idempotencyKey,
            fingerprint,
            meldingId: melding.id,
            outcome,
            response: body,
            createdAt: now,
          }),
        );
      }
      return { outcome, body, replayed: false } as const;
    });

    if (result.outcome === 'accepted' && !result.replayed) {
      this.relay.poke();
      if (input.contactPerson.email) await this.confirmations.enqueueQuietly(result.body.meldingId);
    }
    return result;
  }

  private async replayOrConflict(
    owner: string,
    key: string,
    fingerprint: string,
  ): Promise<SubmitMeldingResult | null> {
    const decision = decideIdempotency(
      await this.idempotency.find(owner, key),
      fingerprint,
      this.clock.now(),
    );
    if (decision.kind === 'conflict') throw this.idempotencyConflict();
    return decision.kind === 'replay' ? this.replayOf(decision.response) : null;
  }

  private replayOf(response: IdempotentMeldingResponse): SubmitMeldingResult {
    return { outcome: response.outcome, body: response.body, replayed: true };
  }

  private idempotencyConflict(): RejectedError {
    return new RejectedError([
      { field: 'Idempotency-Key', messages: [MESSAGES.idempotency.reusedWithOtherBody] },
    ]);
  }

  private async subjectOf(school: SchoolSummary, input: MeldingInput): Promise<Subject> {
    const subject = input.subject;
    if (subject.kind === 'unlisted') {
      const name = [subject.lastName ?? '', subject.firstName ?? ''].map(normalizeName).join('|');
      return {
        ref: randomUUID(),
        key: `unlisted:${sha256(`${name}|${subject.birthDate ?? ''}`)}`,
        groupIds: [],
        clbIds: [school.clbId],
      };
    }
    const resolved = subject.rosterId
      ? await this.roster.resolveSubject(school, { kind: subject.kind, rosterId: subject.rosterId })
      : null;
    if (!resolved) {
      throw new RejectedError([{ field: 'subject.rosterId', messages: [MESSAGES.rules.unknownSubject] }]);
    }
    return {
      ref: resolved.ref,
      key: `${subject.kind}:${resolved.ref}`,
      groupIds: resolved.groupIds,
      clbIds: resolved.clbIds,
    };
  }

  private async createMelding(
    manager: EntityManager,
    school: SchoolSummary,
    subject: Subject,
    input: MeldingInput,
    caller: MeldingCaller,
    dedupKey: string,
    groupIds: readonly string[],
    now: Date,
  ): Promise<Melding> {
    const id = randomUUID();
    const reference = await nextMeldingReference(manager, brusselsYear(now));
    const clbIds = [...new Set([school.clbId, ...subject.clbIds])];
    // The groups the school named; without any, the person's own groups on the roster.
    const attended = groupIds.length > 0 ? [...groupIds] : [...subject.groupIds];
    const channel = channelOf(caller);
    const event = createEnvelope(
      CONTRACTS,
      TOPICS.MELDING_RECEIVED,
      {
        meldingId: id,
        reference,
        schoolId: school.id,
        clbIds,
        subject: { kind: input.subject.kind, ref: subject.ref },
        disease: input.disease,
        onsetDate: input.onsetDate,
        test: input.test ? { date: input.test.date, result: input.test.result } : null,
        lastDayPresent: input.lastDayPresent,
        groupIds: attended,
        activities: [...(input.activities ?? [])],
        channel,
        receivedAt: now.toISOString(),
      },
      { producer: 'intake', correlationId: id, occurredAt: now },
    );
    const unlisted = input.subject.kind === 'unlisted' ? input.subject : null;
    const melding = Object.assign(new Melding(), {
      id,
      reference,
      schoolId: school.id,
      clbIds,
      status: 'received',
      statusChangedAt: now,
      subjectKind: input.subject.kind,
      subjectRef: subject.ref,
      unlistedFirstName: unlisted?.firstName?.trim() ?? null,
      unlistedLastName: unlisted?.lastName?.trim() ?? null,
      unlistedBirthDate: unlisted?.birthDate ?? null,
      unlistedRole: unlisted?.role ?? null,
      disease: input.disease,
      diseaseOther: input.disease === 'other' ? (input.diseaseOther?.trim() ?? null) : null,
      onsetDate: input.onsetDate,
      testDate: input.test?.date ?? null,
      testResult: input.test?.result ?? null,
      lastDayPresent: input.lastDayPresent,
      groupIds: attended,
      activities: [...(input.activities ?? [])],
      contactName: input.contactPerson.name.trim(),
      contactEmail: input.contactPerson.email?.trim() || null,
      contactPhone: input.contactPerson.phone.trim(),
      remarks: input.remarks ?? null,
      channel,
      dedupKey,
      receivedEventId: event.eventId,
      confirmationSentAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies Partial<Melding>);
    await this.meldingen.insert(manager, melding);
    await this.outbox.append(manager, [event]);
    return melding;
  }
}
