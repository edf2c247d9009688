import type { z } from 'zod';
import { schoolNoticeIssuedV1 } from './events/communication.events';
import { clbRegisteredV1, schoolRegisteredV1 } from './events/intake.events';
import { meldingReceivedV1 } from './events/meldingen.events';
import {
  deliveryUpdatedV1,
  riskCaseOpenedV1,
  riskMeasuresDecidedV1,
  meldingProgressedV1,
} from './events/risk.events';
import { groupMembershipChangedV1, guardianContactsChangedV1 } from './events/roster.events';
import { TOPICS, type Topic } from './topics';

/** Describes one topic: its payload schema and the payload field used as the Kafka partition key. */
export interface TopicContract<TSchema extends z.ZodType = z.ZodType> {
  readonly topic: string;
  readonly schema: TSchema;
  /** Payload field whose value is the partition key; order is guaranteed per key. */
  readonly partitionKey: string;
  readonly partitions: number;
  readonly description: string;
}

function contract<TSchema extends z.ZodType>(c: TopicContract<TSchema>): TopicContract<TSchema> {
  return c;
}

/** Topic → contract. Adding a topic to TOPICS without a contract here is a compile error. */
export const CONTRACTS = {
  [TOPICS.CLB_REGISTERED]: contract({
    topic: TOPICS.CLB_REGISTERED,
    schema: clbRegisteredV1,
    partitionKey: 'clbId',
    partitions: 3,
    description: 'A CLB was registered or changed (intake owns the registry).',
  }),
  [TOPICS.SCHOOL_REGISTERED]: contract({
    topic: TOPICS.SCHOOL_REGISTERED,
    schema: schoolRegisteredV1,
    partitionKey: 'schoolId',
    partitions: 6,
    description: 'A school was registered or changed; keyed per school so its facts stay in order.',
  }),
  [TOPICS.GROUP_MEMBERSHIP_CHANGED]: contract({
    topic: TOPICS.GROUP_MEMBERSHIP_CHANGED,
    schema: groupMembershipChangedV1,
    partitionKey: 'schoolId',
    partitions: 6,
    description: 'Pseudonymous members of a class, group or living group after a roster import.',
  }),
  [TOPICS.GUARDIAN_CONTACTS_CHANGED]: contract({
    topic: TOPICS.GUARDIAN_CONTACTS_CHANGED,
    schema: guardianContactsChangedV1,
    partitionKey: 'schoolId',
    partitions: 6,
    description: 'Guardian contact details sealed to the communication service key.',
  }),
  [TOPICS.MELDING_RECEIVED]: contract({
    topic: TOPICS.MELDING_RECEIVED,
    schema: meldingReceivedV1,
    partitionKey: 'schoolId',
    partitions: 6,
    description: 'A school reported an infection; keyed per school so its meldingen stay in order.',
  }),
  [TOPICS.RISK_CASE_OPENED]: contract({
    topic: TOPICS.RISK_CASE_OPENED,
    schema: riskCaseOpenedV1,
    partitionKey: 'caseId',
    partitions: 3,
    description: 'An urgent case was opened or reopened; the on-call rota may page a doctor.',
  }),
  [TOPICS.RISK_MEASURES_DECIDED]: contract({
    topic: TOPICS.RISK_MEASURES_DECIDED,
    schema: riskMeasuresDecidedV1,
    partitionKey: 'caseId',
    partitions: 6,
    description:
      "A doctor's decision on a case (versioned): per pseudonymous contact risk, measures, letter kind.",
  }),
  [TOPICS.RISK_MELDING_PROGRESSED]: contract({
    topic: TOPICS.RISK_MELDING_PROGRESSED,
    schema: meldingProgressedV1,
    partitionKey: 'schoolId',
    partitions: 6,
    description: "A melding moved on at the CLB; intake shows it as the melding's status to the school.",
  }),
  [TOPICS.DELIVERY_UPDATED]: contract({
    topic: TOPICS.DELIVERY_UPDATED,
    schema: deliveryUpdatedV1,
    partitionKey: 'caseId',
    partitions: 6,
    description: 'A letter of a decision was delivered, failed or could not be sent.',
  }),
  [TOPICS.SCHOOL_NOTICE_ISSUED]: contract({
    topic: TOPICS.SCHOOL_NOTICE_ISSUED,
    schema: schoolNoticeIssuedV1,
    partitionKey: 'schoolId',
    partitions: 6,
    description: "The school's anonymised class notice for a decision version.",
  }),
} as const satisfies { [T in Topic]: TopicContract };

/** Payload type per topic, derived from the schemas (one source of truth). */
export type EventPayloads = { [T in Topic]: z.infer<(typeof CONTRACTS)[T]['schema']> };

/** A source of contracts: the production registry, or a test registry with throwaway topics. */
export type ContractRegistry = Readonly<Record<string, TopicContract>>;
