import { CREDENTIAL_ENTITIES } from '../credentials/credentials.entities';
import { MeldingIdempotencyKey } from './melding-idempotency-key.entity';
import { MeldingReferenceCounter } from './melding-reference-counter.entity';
import { MeldingReport } from './melding-report.entity';
import { Melding } from './melding.entity';

/**
 * Every table of the meldingen feature (owned by the meldingen feature; listed in ../entities.ts), plus the
 * school credentials (API keys, webhook secrets) that authenticate school software.
 */
export const MELDING_ENTITIES: Array<new () => unknown> = [
  Melding,
  MeldingReport,
  MeldingIdempotencyKey,
  MeldingReferenceCounter,
  ...CREDENTIAL_ENTITIES,
];
