import { PROTOCOL_MESSAGES } from '../protocols.messages';

/** What every shipped example shares: version 1, in force from the start of the 2020-2021 school year, flagged. */
export const EXAMPLE_BASE = {
  version: 1,
  effectiveFrom: '2020-09-01',
  example: true,
  warning: PROTOCOL_MESSAGES.exampleWarning,
} as const;
