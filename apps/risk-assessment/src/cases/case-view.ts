import type { CaseWithSchool } from './case.repository';
import { effectiveOf } from './domain/classification';
import type { Measure } from './domain/case-types';
import type {
  CaseDetailDto,
  ContactDto,
  ContactLetterState,
  LetterDto,
  MeasureDto,
  QueueItemDto,
} from './dto/case.response.dto';
import type { CaseContact } from './entities/case-contact.entity';
import type { CaseDecision } from './entities/case-decision.entity';
import type { CaseMelding } from './entities/case-melding.entity';
import type { CaseTimelineEntry } from './entities/case-timeline-entry.entity';
import { NO_GUARDIAN, type LetterStatusRecord } from './entities/letter-status.entity';
import type { ExposureWithCount } from './exposure.repository';

/** Everything the case page shows, as loaded. */
export interface CaseParts {
  readonly meldingen: readonly CaseMelding[];
  readonly exposures: readonly ExposureWithCount[];
  readonly contacts: readonly CaseContact[];
  readonly decisions: readonly CaseDecision[];
  readonly letters: readonly LetterStatusRecord[];
  readonly timeline: readonly CaseTimelineEntry[];
}

export function queueItemOf({ riskCase, schoolName }: CaseWithSchool, now: Date): QueueItemDto {
  return {
    id: riskCase.id,
    reference: riskCase.reference,
    clbId: riskCase.clbId,
    schoolId: riskCase.schoolId,
    schoolName,
    disease: riskCase.disease,
    status: riskCase.status,
    urgency: riskCase.urgency,
    deadline: riskCase.deadline?.toISOString() ?? null,
    alwaysPage: riskCase.alwaysPage,
    receivedAt: riskCase.receivedAt.toISOString(),
    queuedAt: riskCase.queuedAt.toISOString(),
    changedAt: riskCase.changedAt.toISOString(),
    waitingSeconds:
      riskCase.status === 'open'
        ? Math.max(0, Math.floor((now.getTime() - riskCase.queuedAt.getTime()) / 1000))
        : null,
    assigneeId: riskCase.assigneeId,
    assignedAt: riskCase.assignedAt?.toISOString() ?? null,
    decisionVersion: riskCase.decisionVersion,
    decidedAt: riskCase.decidedAt?.toISOString() ?? null,
    reassessment: riskCase.reassessment,
    contactCount: riskCase.contactCount,
    highRiskCount: riskCase.highRiskCount,
  };
}

function measureOf(measure: Measure): MeasureDto {
  return {
    kind: measure.kind,
    from: measure.from,
    until: measure.until,
    returnToSchool: measure.returnToSchool,
    earlyReturnToSchool: measure.earlyReturnToSchool ?? null,
    onDate: measure.onDate,
    deadline: measure.deadline,
    description: measure.description,
  };
}

function letterOf(record: LetterStatusRecord): LetterDto {
  return {
    decisionVersion: record.decisionVersion,
    guardianRef: record.guardianRef === NO_GUARDIAN ? null : record.guardianRef,
    status: record.status,
    channel: record.channel,
    at: record.at.toISOString(),
  };
}

/**
 * What became of a contact's letter: the letter that counts is the one of the latest version in which the contact
 * changed (later versions that left it unchanged sent nothing). None when that version sends no letter; pending
 * until communication reports; delivered when at least one guardian got it; else failed before unreachable.
 */
export function contactLetterState(
  contactRef: string,
  decisions: readonly CaseDecision[],
  letters: readonly LetterStatusRecord[],
): ContactLetterState {
  const lastChange = [...decisions]
    .sort((a, b) => b.version - a.version)
    .map((decision) => ({
      version: decision.version,
      contact: decision.contacts.find((contact) => contact.contactRef === contactRef),
    }))
    .find((entry) => entry.contact?.changed === true);
  if (!lastChange?.contact || lastChange.contact.letterKind === null) return 'none';
  const statuses = letters
    .filter((letter) => letter.contactRef === contactRef && letter.decisionVersion === lastChange.version)
    .map((letter) => letter.status);
  if (statuses.length === 0) return 'pending';
  if (statuses.includes('delivered')) return 'delivered';
  if (statuses.includes('failed')) return 'failed';
  return 'unreachable';
}

function contactOf(
  contact: CaseContact,
  latest: CaseDecision | undefined,
  decisions: readonly CaseDecision[],
  letters: readonly LetterStatusRecord[],
): ContactDto {
  const effective = effectiveOf(contact.proposal, contact.override);
  const decided = latest?.contacts.find((entry) => entry.contactRef === contact.contactRef);
  return {
    id: contact.id,
    contactRef: contact.contactRef,
    contactKind: contact.contactKind,
    contactType: contact.contactType,
    level: contact.level,
    lastContactDate: contact.lastContactDate,
    exposureIds: [...contact.exposureIds],
    label: contact.label,
    vaccinated: contact.vaccinated,
    removed: contact.removedAt !== null,
    proposal: {
      risk: contact.proposal.risk,
      measures: contact.proposal.measures.map(measureOf),
      letterKind: contact.proposal.letterKind,
      rule: { ...contact.proposal.rule },
    },
    override: contact.override ? { ...contact.override } : null,
    effective: {
      risk: effective.risk,
      measures: effective.measures.map(measureOf),
      letterKind: effective.letterKind,
      source: effective.source,
    },
    decision:
      latest && decided
        ? {
            version: latest.version,
            risk: decided.risk,
            letterKind: decided.letterKind,
            changed: decided.changed,
          }
        : null,
    letters: letters.filter((letter) => letter.contactRef === contact.contactRef).map(letterOf),
    letterStatus: contactLetterState(contact.contactRef, decisions, letters),
  };
}

export function caseDetailOf(item: CaseWithSchool, parts: CaseParts, now: Date): CaseDetailDto {
  const { riskCase } = item;
  const latest = [...parts.decisions].sort((a, b) => b.version - a.version)[0];
  return {
    ...queueItemOf(item, now),
    level: riskCase.level,
    subject: { kind: riskCase.subjectKind, ref: riskCase.subjectRef },
    facts: {
      onsetDate: riskCase.onsetDate,
      test:
        riskCase.testDate !== null && riskCase.testResult !== null
          ? { date: riskCase.testDate, result: riskCase.testResult }
          : null,
      lastDayPresent: riskCase.lastDayPresent,
    },
    urgencyRule: { ...riskCase.urgencyRule },
    meldingen: parts.meldingen.map((melding) => ({
      meldingId: melding.meldingId,
      reference: melding.reference,
      channel: melding.channel,
      receivedAt: melding.receivedAt.toISOString(),
      onsetDate: melding.onsetDate,
      test:
        melding.testDate !== null && melding.testResult !== null
          ? { date: melding.testDate, result: melding.testResult }
          : null,
      lastDayPresent: melding.lastDayPresent,
      groupIds: [...melding.groupIds],
      activities: [...melding.activities],
    })),
    exposures: parts.exposures.map(({ exposure, memberCount }) => ({
      id: exposure.id,
      kind: exposure.kind,
      groupId: exposure.groupId,
      activity: exposure.activity,
      label: exposure.label,
      level: exposure.level ?? riskCase.level,
      lastContactDate: exposure.lastContactDate,
      awaitingRoster: exposure.awaitingRoster,
      source: exposure.source,
      memberCount,
    })),
    contacts: parts.contacts.map((contact) => contactOf(contact, latest, parts.decisions, parts.letters)),
    decisions: parts.decisions.map((decision) => ({
      version: decision.version,
      decidedAt: decision.decidedAt.toISOString(),
      decidedBy: decision.decidedBy,
      contactCount: decision.contacts.length,
      changedCount: decision.contacts.filter((contact) => contact.changed).length,
      withdrawnCount: decision.withdrawnContactRefs.length,
    })),
    timeline: parts.timeline.map((entry) => ({
      at: entry.at.toISOString(),
      kind: entry.kind,
      actor: entry.actor,
      details: { ...entry.details },
    })),
  };
}
