// Kafka messaging for Meldpunt services: envelopes, transactional outbox, exactly-once-effect consumers
// (inbox + retry + DLQ), topic provisioning, dead-letter tools and the Nest module wiring them.
export * from './entities';
export * from './envelope/create-envelope';
export * from './envelope/decode-event';
export * from './envelope/invalid-event.error';
export * from './kafka/event-producer';
export * from './kafka/ensure-topics';
export * from './kafka/start-group-at-end';
export * from './kafka/kafka-headers';
export * from './kafka/cluster-check';
export * from './outbox/outbox-writer';
export * from './outbox/outbox-relay';
export * from './consumer/event-consumer';
export * from './consumer/inbox';
export * from './consumer/failure-headers';
export * from './dead-letter/dead-letters';
export * from './dead-letter/dlq-command';
export * from './support/backoff';
export * from './support/logger';
export { NonRetriableError, isNonRetriable } from './support/errors';
export * from './nest/event-handlers';
export * from './nest/kafka-health.indicator';
export * from './nest/messaging.module';
export * from './nest/tokens';
