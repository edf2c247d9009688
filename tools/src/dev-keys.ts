import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sodium from 'libsodium-wrappers';

export interface AuthKeys {
  readonly privateKey: string;
  readonly publicKey: string;
}

/**
 * The console's Ed25519 signing key for local development: generated once into `.data/dev-keys/` (git-ignored)
 * and reused, so sessions survive a restart. Production supplies AUTH_PRIVATE_KEY / AUTH_PUBLIC_KEY itself.
 */
export async function devAuthKeys(root: string): Promise<AuthKeys> {
  const dir = join(root, '.data', 'dev-keys');
  const privatePath = join(dir, 'console-ed25519.key.pem');
  const publicPath = join(dir, 'console-ed25519.pub.pem');
  if (existsSync(privatePath) && existsSync(publicPath)) {
    return { privateKey: await readFile(privatePath, 'utf8'), publicKey: await readFile(publicPath, 'utf8') };
  }
  const pair = generateKeyPairSync('ed25519');
  const keys = {
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(privatePath, keys.privateKey, { mode: 0o600 });
  await writeFile(publicPath, keys.publicKey);
  return keys;
}

export interface SealKeys {
  readonly keyId: string;
  /** base64 X25519 public key: intake seals guardian contacts to it. */
  readonly publicKey: string;
  /** base64 X25519 secret key: only the communication service may open them. */
  readonly secretKey: string;
}

/** The communication service's sealing key pair for local development, kept in `.data/dev-keys/`. */
export async function devSealKeys(root: string): Promise<SealKeys> {
  const file = join(root, '.data', 'dev-keys', 'communication-seal.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as SealKeys;
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  const keys: SealKeys = {
    keyId: `dev-${new Date().toISOString().slice(0, 10)}`,
    publicKey: Buffer.from(pair.publicKey).toString('base64'),
    secretKey: Buffer.from(pair.privateKey).toString('base64'),
  };
  await mkdir(join(root, '.data', 'dev-keys'), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** A 32-byte symmetric key (base64) for local development, made once and kept in `.data/dev-keys/<name>.key`. */
async function devSymmetricKey(root: string, name: string): Promise<string> {
  const file = join(root, '.data', 'dev-keys', `${name}.key`);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const key = randomBytes(32).toString('base64');
  await mkdir(join(root, '.data', 'dev-keys'), { recursive: true, mode: 0o700 });
  await writeFile(file, key, { mode: 0o600 });
  return key;
}

/** Every key the local stack needs. */
export interface DevKeys {
  readonly auth: AuthKeys;
  readonly seal: SealKeys;
  /** Intake's key for webhook secrets at rest. */
  readonly credentials: string;
  /** Communication's key for guardian contacts at rest. */
  readonly contacts: string;
}

export async function devKeys(root: string): Promise<DevKeys> {
  return {
    auth: await devAuthKeys(root),
    seal: await devSealKeys(root),
    credentials: await devSymmetricKey(root, 'credentials'),
    contacts: await devSymmetricKey(root, 'contacts'),
  };
}
