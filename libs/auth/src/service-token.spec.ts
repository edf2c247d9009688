import { generateKeyPairSync } from 'node:crypto';
import type { Principal } from './principal';
import { ServiceTokenSigner, ServiceTokenVerifier, TokenError } from './service-token';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const principal: Principal = {
  userId: 'user-1',
  role: 'school',
  clbIds: [],
  schoolIds: ['7d3f4a52-2b1c-4c38-9a55-0e4b8b1f2c11'],
};

describe('service tokens', () => {
  const keys = keyPair();
  let now = Date.parse('2026-11-24T10:00:00Z');
  const clock = () => now;
  const signer = new ServiceTokenSigner(keys.privateKey, 60, clock);
  const verifier = new ServiceTokenVerifier(keys.publicKey, 'intake', clock);

  it('carries the principal to the service it is addressed to', () => {
    expect(verifier.verify(signer.sign(principal, 'intake'))).toEqual(principal);
  });

  it('accepts keys given as base64 of the PEM', () => {
    const base64 = new ServiceTokenVerifier(Buffer.from(keys.publicKey).toString('base64'), 'intake', clock);
    expect(base64.verify(signer.sign(principal, 'intake')).userId).toBe('user-1');
  });

  it('refuses a token for another service', () => {
    expect(() => verifier.verify(signer.sign(principal, 'scheduling'))).toThrow('token is for scheduling');
  });

  it('refuses an expired token', () => {
    const token = signer.sign(principal, 'intake');
    now += 120_000;
    expect(() => verifier.verify(token)).toThrow('token expired');
    now -= 120_000;
  });

  it('refuses a tampered token (a school user making itself admin)', () => {
    const [header, payload, signature] = signer.sign(principal, 'intake').split('.') as [
      string,
      string,
      string,
    ];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(() => verifier.verify(`${header}.${forged}.${signature}`)).toThrow('bad signature');
  });

  it('refuses a token signed with another key', () => {
    const other = new ServiceTokenSigner(keyPair().privateKey, 60, clock);
    expect(() => verifier.verify(other.sign(principal, 'intake'))).toThrow(TokenError);
  });

  it('refuses garbage', () => {
    expect(() => verifier.verify('not-a-token')).toThrow('malformed token');
    expect(() => verifier.verify('a.b.c')).toThrow(TokenError);
  });
});
