import { generateKeyPairSync } from 'node:crypto';
import { ServiceTokenSigner, type Principal } from '@meldpunt/auth';

/** One Ed25519 key pair per test process, standing in for the console's signing key. */
const pair = generateKeyPairSync('ed25519');
export const TEST_AUTH_KEYS = {
  privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
} as const;

const signer = new ServiceTokenSigner(TEST_AUTH_KEYS.privateKey, 300);

/** An `Authorization` header value for calling `service` as `principal` in a test. */
export function bearerFor(principal: Principal, service: string): string {
  return `Bearer ${signer.sign(principal, service)}`;
}
