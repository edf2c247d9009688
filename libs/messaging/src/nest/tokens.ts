/** Injection token of the service's kafkajs `Kafka` instance. */
export const MESSAGING_KAFKA = Symbol('MESSAGING_KAFKA');
/** Injection token of the contract registry the module was configured with. */
export const MESSAGING_REGISTRY = Symbol('MESSAGING_REGISTRY');
/** Internal: what the lifecycle needs from forRoot's options. */
export const MESSAGING_SETUP = Symbol('MESSAGING_SETUP');
