import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CONTRACTS,
  SCHOOL_LEVELS,
  TOPICS,
  type EventEnvelope,
  type MeldingReceivedV1,
  type SchoolLevel,
} from '@meldpunt/contracts';
import { createEnvelope, OutboxWriter } from '@meldpunt/messaging';
import { SchoolReplica } from '@meldpunt/platform';
import type { EntityManager } from 'typeorm';
import { PROTOCOL_EVALUATOR, type ProtocolEvaluator } from '../../protocols/protocol-engine.types';
import type { RosterGroup } from '../../rosters/roster-group.entity';
import { RosterProjection } from '../../rosters/roster-projection';
import { CaseAssessor } from '../case-assessor';
import { reopen, SYSTEM_ACTOR, timelineEntry } from '../case-changes';
import { CaseRepository } from '../case.repository';
import { UnknownSchoolError } from '../cases.errors';
import { Clock } from '../../calendar/clock';
import { URGENCY_RANK } from '../domain/case-types';
import { isUrgent, mergeUrgency, urgencyStateOf, type UrgencyState } from '../domain/case-urgency';
import type { CaseExposureMember } from '../entities/case-exposure-member.entity';
import { CaseExposure } from '../entities/case-exposure.entity';
import { CaseMelding } from '../entities/case-melding.entity';
import type { CaseTimelineEntry } from '../entities/case-timeline-entry.entity';
import { RiskCase } from '../entities/risk-case.entity';
import { membersOf } from '../exposure-members';
import { meldingsProgressed } from '../melding-progress';
import { ExposureRepository } from '../exposure.repository';
import { CaseNotifier } from '../live/case-notifier';

/** The melding event as the consumer hands it over. */
export interface ReceivedMelding {
  readonly eventId: string;
  readonly correlationId: string;
  readonly payload: MeldingReceivedV1;
}

const PRODUCER = 'risk-assessment';

function isSchoolLevel(value: string): value is SchoolLevel {
  return (SCHOOL_LEVELS as readonly string[]).includes(value);
}

/**
 * A melding reaches risk-assessment: per CLB it names, a new case (or the case of the same person and disease,
 * which is reopened when decided) with an exposure per class, group or living group (every member a contact at
 * once) and per activity (contacts added by hand), proposals from the protocol and the case's urgency. Cases of
 * other people with the disease in the same groups are reassessed (a second case in the class) and reopened.
 * Urgent cases are announced on risk.case.opened.v1. Runs in the consumer's inbox transaction.
 */
@Injectable()
export class ReceiveMeldingUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly exposures: ExposureRepository,
    private readonly rosters: RosterProjection,
    private readonly assessor: CaseAssessor,
    private readonly notifier: CaseNotifier,
    private readonly outbox: OutboxWriter,
    @Inject(PROTOCOL_EVALUATOR) private readonly protocols: ProtocolEvaluator,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, event: ReceivedMelding): Promise<void> {
    const melding = event.payload;
    const school = await manager.getRepository(SchoolReplica).findOneBy({ id: melding.schoolId });
    if (!school) throw new UnknownSchoolError(melding.schoolId);
    const groups = await this.rosters.findGroups(manager, melding.groupIds);
    const level =
      melding.groupIds.map((id) => groups.get(id)?.level).find((found) => found !== undefined) ??
      school.levels.find(isSchoolLevel) ??
      'lager';
    const urgency = urgencyStateOf(
      await this.protocols.urgencyOf({
        disease: melding.disease,
        level,
        onsetDate: melding.onsetDate,
        lastDayPresent: melding.lastDayPresent,
        receivedAt: melding.receivedAt,
      }),
    );
    const now = this.clock.now();
    const announcements: EventEnvelope[] = [];
    let recorded = false;

    // The school's own CLB (from the directory) always handles it, and every CLB the melding names.
    for (const clbId of [...new Set([school.clbId, ...melding.clbIds])].sort()) {
      await this.cases.lock(manager, `risk-case:${clbId}:${melding.subject.ref}:${melding.disease}`);
      const existing = await this.cases.lockForSubject(manager, clbId, melding.subject.ref, melding.disease);
      const outcome = existing
        ? await this.addToCase(manager, existing, event, groups, urgency, now)
        : await this.openCase(manager, clbId, event, groups, level, urgency, now);
      if (outcome === null) continue;
      if (!recorded) {
        // Once per melding, even when it reaches two CLBs: the school sees that the CLB has it.
        announcements.push(
          ...meldingsProgressed(
            [melding],
            { caseId: outcome.riskCase.id, stage: 'being-assessed', decisionVersion: null, at: now },
            { correlationId: event.correlationId, causationId: event.eventId },
          ),
        );
      }
      recorded = true;
      if (outcome.announce) announcements.push(this.opened(outcome.riskCase, outcome.reopened, event, now));
    }

    if (recorded) {
      const related = await this.cases.findRelatedCaseIds(
        manager,
        melding.groupIds,
        melding.disease,
        melding.subject.ref,
      );
      for (const caseId of related) {
        const riskCase = await this.cases.lockById(manager, caseId);
        if (!riskCase) continue;
        const entries = [
          timelineEntry(riskCase, 'related-case', SYSTEM_ACTOR, now, {
            meldingId: melding.meldingId,
            reference: melding.reference,
            groupIds: [...melding.groupIds],
          }),
        ];
        const reopened = reopen(riskCase, SYSTEM_ACTOR, now, 'related-case');
        if (reopened) entries.push(reopened);
        await this.assessor.reassess(manager, riskCase);
        riskCase.changedAt = now;
        await this.cases.save(manager, riskCase);
        await this.cases.addTimeline(manager, entries);
        await this.notifier.notify(manager, {
          kind: 'case-changed',
          caseId: riskCase.id,
          clbId: riskCase.clbId,
        });
        if (reopened && isUrgent(riskCase)) announcements.push(this.opened(riskCase, true, event, now));
      }
    }
    await this.outbox.append(manager, announcements);
  }

  private async openCase(
    manager: EntityManager,
    clbId: string,
    event: ReceivedMelding,
    groups: ReadonlyMap<string, RosterGroup>,
    level: SchoolLevel,
    urgency: UrgencyState,
    now: Date,
  ): Promise<{ riskCase: RiskCase; reopened: boolean; announce: boolean }> {
    const melding = event.payload;
    const receivedAt = new Date(melding.receivedAt);
    const riskCase = Object.assign(new RiskCase(), {
      id: randomUUID(),
      clbId,
      schoolId: melding.schoolId,
      correlationId: event.correlationId,
      reference: melding.reference,
      subjectKind: melding.subject.kind,
      subjectRef: melding.subject.ref,
      disease: melding.disease,
      level,
      status: 'open',
      urgency: urgency.urgency,
      urgencyRank: URGENCY_RANK[urgency.urgency],
      deadline: urgency.deadline,
      alwaysPage: urgency.alwaysPage,
      urgencyRule: urgency.rule,
      onsetDate: melding.onsetDate,
      testDate: melding.test?.date ?? null,
      testResult: melding.test?.result ?? null,
      lastDayPresent: melding.lastDayPresent,
      factsReceivedAt: receivedAt,
      receivedAt,
      queuedAt: receivedAt,
      changedAt: now,
      assigneeId: null,
      assignedAt: null,
      decisionVersion: 0,
      decidedAt: null,
      reassessment: false,
      contactCount: 0,
      highRiskCount: 0,
    } satisfies RiskCase);
    await this.cases.insert(manager, riskCase);
    await this.cases.addMelding(manager, this.caseMeldingOf(riskCase, event));
    await this.addExposures(manager, riskCase, [], event, groups, now);
    await this.assessor.reassess(manager, riskCase);
    await this.cases.save(manager, riskCase);
    await this.cases.addTimeline(manager, [
      timelineEntry(riskCase, 'opened', SYSTEM_ACTOR, now, {
        meldingId: melding.meldingId,
        reference: melding.reference,
        urgency: riskCase.urgency,
        contacts: riskCase.contactCount,
      }),
    ]);
    await this.notifier.notify(manager, { kind: 'case-opened', caseId: riskCase.id, clbId });
    return { riskCase, reopened: false, announce: isUrgent(urgency) };
  }

  /** Null when the melding was on the case already (nothing changes). */
  private async addToCase(
    manager: EntityManager,
    riskCase: RiskCase,
    event: ReceivedMelding,
    groups: ReadonlyMap<string, RosterGroup>,
    urgency: UrgencyState,
    now: Date,
  ): Promise<{ riskCase: RiskCase; reopened: boolean; announce: boolean } | null> {
    const melding = event.payload;
    if (!(await this.cases.addMelding(manager, this.caseMeldingOf(riskCase, event)))) return null;
    const receivedAt = new Date(melding.receivedAt);
    // The latest melding's facts are the case's facts (a corrected date replaces the earlier one).
    const latest = receivedAt.getTime() >= riskCase.factsReceivedAt.getTime();
    if (latest) {
      riskCase.onsetDate = melding.onsetDate;
      riskCase.testDate = melding.test?.date ?? null;
      riskCase.testResult = melding.test?.result ?? null;
      riskCase.lastDayPresent = melding.lastDayPresent;
      riskCase.factsReceivedAt = receivedAt;
    }
    const merged = mergeUrgency(
      riskCase.status,
      {
        urgency: riskCase.urgency,
        deadline: riskCase.deadline,
        alwaysPage: riskCase.alwaysPage,
        rule: riskCase.urgencyRule,
      },
      urgency,
    );
    Object.assign(riskCase, {
      urgency: merged.urgency,
      urgencyRank: URGENCY_RANK[merged.urgency],
      deadline: merged.deadline,
      alwaysPage: merged.alwaysPage,
      urgencyRule: merged.rule,
    });
    const entries: CaseTimelineEntry[] = [
      timelineEntry(riskCase, 'melding-added', SYSTEM_ACTOR, now, {
        meldingId: melding.meldingId,
        reference: melding.reference,
        lastDayPresent: melding.lastDayPresent,
        onsetDate: melding.onsetDate,
      }),
    ];
    const reopened = reopen(riskCase, SYSTEM_ACTOR, now, 'melding-added');
    if (reopened) entries.push(reopened);

    const current = await this.exposures.exposuresOf(manager, riskCase.id);
    await this.addExposures(manager, riskCase, current, event, groups, now, latest);
    await this.assessor.reassess(manager, riskCase);
    riskCase.changedAt = now;
    await this.cases.save(manager, riskCase);
    await this.cases.addTimeline(manager, entries);
    await this.notifier.notify(manager, { kind: 'case-changed', caseId: riskCase.id, clbId: riskCase.clbId });
    return { riskCase, reopened: reopened !== null, announce: reopened !== null && isUrgent(riskCase) };
  }

  /**
   * One exposure per group and per activity of the melding. A group the case has already gets the melding's last
   * day present when this melding is the latest (a correction), else only a later date; a group whose roster
   * arrived in the meantime gets its members.
   */
  private async addExposures(
    manager: EntityManager,
    riskCase: RiskCase,
    current: readonly CaseExposure[],
    event: ReceivedMelding,
    groups: ReadonlyMap<string, RosterGroup>,
    now: Date,
    latest = true,
  ): Promise<void> {
    const melding = event.payload;
    const byGroup = new Map(
      current.flatMap((exposure) => (exposure.groupId ? [[exposure.groupId, exposure]] : [])),
    );
    const activities = new Set(
      current.flatMap((exposure) =>
        exposure.source === 'melding' && exposure.activity ? [exposure.activity] : [],
      ),
    );
    const created: CaseExposure[] = [];
    const changed: CaseExposure[] = [];
    const members: CaseExposureMember[] = [];
    for (const groupId of new Set(melding.groupIds)) {
      const group = groups.get(groupId);
      const known = byGroup.get(groupId);
      if (known) {
        const date =
          latest || melding.lastDayPresent > known.lastContactDate
            ? melding.lastDayPresent
            : known.lastContactDate;
        const fill = known.awaitingRoster && group !== undefined;
        if (date !== known.lastContactDate || fill) {
          known.lastContactDate = date;
          if (fill)
            Object.assign(known, {
              awaitingRoster: false,
              kind: group.kind,
              label: group.name,
              level: group.level,
            });
          changed.push(known);
        }
        if (fill) members.push(...membersOf(known, group));
        continue;
      }
      const exposure = Object.assign(new CaseExposure(), {
        id: randomUUID(),
        caseId: riskCase.id,
        kind: group?.kind ?? 'group',
        groupId,
        activity: null,
        label: group?.name ?? null,
        level: group?.level ?? null,
        lastContactDate: melding.lastDayPresent,
        awaitingRoster: group === undefined,
        source: 'melding',
        createdAt: now,
      } satisfies CaseExposure);
      created.push(exposure);
      if (group) members.push(...membersOf(exposure, group));
    }
    for (const activity of new Set(melding.activities)) {
      if (activities.has(activity)) continue;
      created.push(
        Object.assign(new CaseExposure(), {
          id: randomUUID(),
          caseId: riskCase.id,
          kind: 'activity',
          groupId: null,
          activity,
          label: null,
          level: null,
          lastContactDate: melding.lastDayPresent,
          awaitingRoster: false,
          source: 'melding',
          createdAt: now,
        } satisfies CaseExposure),
      );
    }
    await this.exposures.insertExposures(manager, created);
    await this.exposures.saveExposures(manager, changed);
    await this.exposures.addMembers(manager, members);
  }

  private caseMeldingOf(riskCase: RiskCase, event: ReceivedMelding): CaseMelding {
    const melding = event.payload;
    return Object.assign(new CaseMelding(), {
      caseId: riskCase.id,
      meldingId: melding.meldingId,
      reference: melding.reference,
      schoolId: melding.schoolId,
      subjectRef: melding.subject.ref,
      disease: melding.disease,
      onsetDate: melding.onsetDate,
      testDate: melding.test?.date ?? null,
      testResult: melding.test?.result ?? null,
      lastDayPresent: melding.lastDayPresent,
      groupIds: [...melding.groupIds],
      activities: [...melding.activities],
      channel: melding.channel,
      receivedAt: new Date(melding.receivedAt),
      eventId: event.eventId,
    } satisfies CaseMelding);
  }

  private opened(riskCase: RiskCase, reopened: boolean, cause: ReceivedMelding, now: Date): EventEnvelope {
    return createEnvelope(
      CONTRACTS,
      TOPICS.RISK_CASE_OPENED,
      {
        caseId: riskCase.id,
        clbId: riskCase.clbId,
        schoolId: riskCase.schoolId,
        disease: riskCase.disease,
        urgency: riskCase.urgency,
        deadline: riskCase.deadline?.toISOString() ?? null,
        alwaysPage: riskCase.alwaysPage,
        openedAt: now.toISOString(),
        reopened,
      },
      { producer: PRODUCER, correlationId: cause.correlationId, causationId: cause.eventId, occurredAt: now },
    );
  }
}
