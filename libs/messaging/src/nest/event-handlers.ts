import type { CONTRACTS, ContractRegistry } from '@meldpunt/contracts';
import type { HandlerMap } from '../consumer/event-consumer';

/**
 * Implemented by a feature's `<feature>.consumer.ts` provider: returns topic → handler (validate nothing by
 * hand: the payload arrives parsed by the topic's schema; call a use-case with `context.manager`).
 * List the class in `MessagingModule.forRoot({ consumers: [...] })`; it stays a provider of its feature module.
 */
export interface EventHandlers<R extends ContractRegistry = typeof CONTRACTS> {
  eventHandlers(): HandlerMap<R>;
}
