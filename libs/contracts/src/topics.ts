/**
 * The one registry of Kafka topic names.
 *
 * NEVER rename a topic and never change a payload incompatibly. A breaking change is a new topic with a `.v2`
 * suffix; producers write both until every consumer has moved, then the old one is retired.
 *
 * Naming: `<domain>.<entity>.<past-tense>.v<N>`.
 */
export const TOPICS = {
  /** Key: clbId. A CLB was registered or its details changed. */
  CLB_REGISTERED: 'intake.clb.registered.v1',
  /** Key: schoolId, so all facts about one school stay in order. */
  SCHOOL_REGISTERED: 'intake.school.registered.v1',
  /** Key: schoolId. The pseudonymous members of a class or group changed (roster import). */
  GROUP_MEMBERSHIP_CHANGED: 'intake.group-membership.changed.v1',
  /** Key: schoolId. Guardian contacts, sealed for the communication service alone. */
  GUARDIAN_CONTACTS_CHANGED: 'intake.guardian-contacts.changed.v1',
  /** Key: schoolId. A school reported an infection (form, API or webhook). */
  MELDING_RECEIVED: 'meldingen.melding.received.v1',
  /** Key: caseId. An urgent case was opened or reopened (for the on-call rota). */
  RISK_CASE_OPENED: 'risk.case.opened.v1',
  /** Key: caseId. A doctor approved a case's measures (a new decision version). */
  RISK_MEASURES_DECIDED: 'risk.measures.decided.v1',
  /** Key: schoolId. A melding moved on at the CLB (being assessed, measures decided, letters sent). */
  RISK_MELDING_PROGRESSED: 'risk.melding.progressed.v1',
  /** Key: caseId. A letter of a decision was delivered, failed or could not be sent (communication). */
  DELIVERY_UPDATED: 'communication.delivery.updated.v1',
  /** Key: schoolId. The school's anonymised class notice for a decision version (classes, counts, measures). */
  SCHOOL_NOTICE_ISSUED: 'communication.school-notice.issued.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** Per-service retry and dead-letter topics (one consumer group per service). */
export const SERVICES = ['intake', 'risk-assessment', 'communication', 'scheduling', 'console'] as const;
export type ServiceName = (typeof SERVICES)[number];

export function retryTopicOf(consumerGroup: string): string {
  return `${consumerGroup}.retry`;
}
export function deadLetterTopicOf(consumerGroup: string): string {
  return `${consumerGroup}.dlq`;
}
