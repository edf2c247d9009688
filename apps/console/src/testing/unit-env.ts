import { generateKeyPairSync } from 'node:crypto';

const pair = generateKeyPairSync('ed25519');

/** The console variables without defaults, for unit tests that build a ConsoleConfig (nothing connects). */
export const UNIT_ENV = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/meldpunt_console_unit',
  AUTH_PRIVATE_KEY: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
} as const;

export const UNIT_PUBLIC_KEY = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
