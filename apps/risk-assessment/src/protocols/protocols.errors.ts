import type { FieldError } from '@meldpunt/platform';
import { PROTOCOL_MESSAGES } from './protocols.messages';

/** A protocol version the use-case refuses (invalid definition, effective date in the past): 422 with `fields`. */
export class ProtocolRejectedError extends Error {
  constructor(
    readonly fields: readonly FieldError[],
    message: string = PROTOCOL_MESSAGES.invalidDefinition,
  ) {
    super(message);
    this.name = 'ProtocolRejectedError';
  }
}

/** No protocol for this path (not a disease): 404. */
export class ProtocolNotFoundError extends Error {
  constructor(message: string = PROTOCOL_MESSAGES.protocolNotFound) {
    super(message);
    this.name = 'ProtocolNotFoundError';
  }
}
