// Integration-test harness for Meldpunt: real Kafka, Postgres and Redis, unique names per run, awaiting
// helpers instead of sleeps, and child-process fixtures. (Does not import @meldpunt/messaging, so that
// messaging's own integration tests can use it without a dependency cycle.)
export * from './env';
export * from './run-id';
export * from './wait-for';
export * from './infra-check';
export * from './test-registry';
export * from './event-watcher';
export * from './await-job';
export * from './fixture-process';
export * from './test-harness';
export * from './auth-keys';
export * from './smtp-sink';
