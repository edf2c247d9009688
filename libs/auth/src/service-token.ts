import { createPrivateKey, createPublicKey, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { principalSchema, type Principal } from './principal';

/**
 * Short-lived tokens with which the console calls the services on behalf of a user: a compact JWS (EdDSA,
 * Ed25519). Only the console holds the private key; every service verifies with the public key, so a service
 * cannot mint tokens for another. The audience is the called service, so a token for intake is refused elsewhere.
 */
export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' })).toString('base64url');
const ISSUER = 'meldpunt-console';

const claimsSchema = z.object({
  iss: z.literal(ISSUER),
  aud: z.string().min(1),
  sub: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(1),
  role: principalSchema.shape.role,
  clb: principalSchema.shape.clbIds,
  sch: principalSchema.shape.schoolIds,
});

/** Reads a key given as PEM, or as base64 of a PEM (handy in environment variables). */
function pemOf(key: string): string {
  const trimmed = key.trim();
  return trimmed.startsWith('-----BEGIN') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8');
}

export function privateKeyFrom(key: string): KeyObject {
  const object = createPrivateKey(pemOf(key));
  if (object.asymmetricKeyType !== 'ed25519') throw new TokenError('the private key must be an Ed25519 key');
  return object;
}

export function publicKeyFrom(key: string): KeyObject {
  const object = createPublicKey(pemOf(key));
  if (object.asymmetricKeyType !== 'ed25519') throw new TokenError('the public key must be an Ed25519 key');
  return object;
}

export type Now = () => number;

export class ServiceTokenSigner {
  private readonly key: KeyObject;

  constructor(
    privateKey: string,
    private readonly ttlSeconds = 60,
    private readonly now: Now = Date.now,
  ) {
    this.key = privateKeyFrom(privateKey);
  }

  sign(principal: Principal, audience: string): string {
    const iat = Math.floor(this.now() / 1000);
    const claims: z.infer<typeof claimsSchema> = {
      iss: ISSUER,
      aud: audience,
      sub: principal.userId,
      iat,
      exp: iat + this.ttlSeconds,
      jti: randomUUID(),
      role: principal.role,
      clb: [...principal.clbIds],
      sch: [...principal.schoolIds],
    };
    const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${input}.${sign(null, Buffer.from(input), this.key).toString('base64url')}`;
  }
}

export class ServiceTokenVerifier {
  private readonly key: KeyObject;

  constructor(
    publicKey: string,
    private readonly audience: string,
    private readonly now: Now = Date.now,
    private readonly leewaySeconds = 5,
  ) {
    this.key = publicKeyFrom(publicKey);
  }

  /** The principal of a valid token; throws TokenError saying why a token is refused. */
  verify(token: string): Principal {
    const parts = token.split('.');
    if (parts.length !== 3) throw new TokenError('malformed token');
    const [header, payload, signature] = parts as [string, string, string];
    if (header !== HEADER) throw new TokenError('unsupported token header');
    const valid = verify(
      null,
      Buffer.from(`${header}.${payload}`),
      this.key,
      Buffer.from(signature, 'base64url'),
    );
    if (!valid) throw new TokenError('bad signature');
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new TokenError('malformed token payload');
    }
    const parsed = claimsSchema.safeParse(json);
    if (!parsed.success) throw new TokenError('malformed token claims');
    const claims = parsed.data;
    const nowSeconds = Math.floor(this.now() / 1000);
    if (claims.aud !== this.audience)
      throw new TokenError(`token is for ${claims.aud}, not ${this.audience}`);
    if (claims.exp + this.leewaySeconds < nowSeconds) throw new TokenError('token expired');
    if (claims.iat - this.leewaySeconds > nowSeconds) throw new TokenError('token issued in the future');
    return { userId: claims.sub, role: claims.role, clbIds: claims.clb, schoolIds: claims.sch };
  }
}
