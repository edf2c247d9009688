import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { packGuardianContact, type GuardianContactV1 } from '@meldpunt/contracts';
import { SealedContactsConfig } from './sealed-contacts.config';

const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The additional authenticated data that binds a sealed contact to its school, pupil and guardian. */
export function contactAad(schoolId: string, pupilRef: string, guardianRef: string): Buffer {
  return Buffer.from(`${schoolId}/${pupilRef}/${guardianRef}`, 'utf8');
}

/**
 * One event's content key: `seal()` contacts with it; `sealedKey` travels in the event. The key is fresh per
 * event, so a counter (after 4 random bytes) makes every nonce unique for it without asking for randomness.
 */
export class ContactEnvelopeKey {
  private readonly nonce: Buffer;
  private counter = 0n;

  constructor(
    private readonly key: Buffer,
    readonly sealedKey: string,
  ) {
    this.nonce = Buffer.concat([randomBytes(4), Buffer.alloc(8)]);
  }

  /** base64(nonce ‖ AES-256-GCM(packed contact JSON) ‖ tag), see GUARDIAN_CONTACT_SCHEME. */
  seal(contact: GuardianContactV1, aad: Buffer): string {
    this.nonce.writeBigUInt64BE(++this.counter, 4);
    const cipher = createCipheriv('aes-256-gcm', this.key, this.nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const body = cipher.update(JSON.stringify(packGuardianContact(contact)), 'utf8');
    return Buffer.concat([this.nonce, body, cipher.final(), cipher.getAuthTag()]).toString('base64');
  }
}

/**
 * Seals guardian contacts for the communication service (scheme in @meldpunt/contracts, GUARDIAN_CONTACT_SCHEME):
 * a fresh content key per event, sealed with libsodium's crypto_box_seal to communication's X25519 key, and
 * AES-256-GCM per contact. Intake can seal but never open: it does not hold communication's secret key.
 */
@Injectable()
export class ContactSealer {
  constructor(private readonly config: SealedContactsConfig) {}

  get keyId(): string {
    return this.config.keyId;
  }

  async newEnvelopeKey(): Promise<ContactEnvelopeKey> {
    await sodium.ready;
    const key = randomBytes(KEY_BYTES);
    const sealed = sodium.crypto_box_seal(new Uint8Array(key), this.config.publicKey);
    return new ContactEnvelopeKey(key, Buffer.from(sealed).toString('base64'));
  }
}

/**
 * Opens one sealed contact to its JSON (then unpackGuardianContact): what the communication service does with its
 * key pair. Here as the reference of the scheme and for tests; intake itself never has the secret key.
 */
export async function openGuardianContact(
  keyPair: { publicKey: Uint8Array; secretKey: Uint8Array },
  sealedKey: string,
  sealed: string,
  aad: Buffer,
): Promise<unknown> {
  await sodium.ready;
  const key = sodium.crypto_box_seal_open(
    Buffer.from(sealedKey, 'base64'),
    keyPair.publicKey,
    keyPair.secretKey,
  );
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key), bytes.subarray(0, NONCE_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(aad);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const plain = Buffer.concat([
    decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}
