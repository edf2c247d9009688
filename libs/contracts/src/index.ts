export * from './envelope';
export * from './topics';
export * from './registry';
export * from './events/intake.events';
export * from './events/meldingen.events';
export * from './events/roster.events';
export * from './events/risk.events';
export * from './events/communication.events';
