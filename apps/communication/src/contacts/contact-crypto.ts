import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The additional authenticated data that binds a contact to its school, pupil and guardian (in transit and at rest). */
export function contactAad(schoolId: string, pupilRef: string, guardianRef: string): Buffer {
  return Buffer.from(`${schoolId}/${pupilRef}/${guardianRef}`, 'utf8');
}

/**
 * Opens one event's content key (`sealedKey`, libsodium crypto_box_seal to communication's X25519 key; see
 * GUARDIAN_CONTACT_SCHEME in @meldpunt/contracts). The public key is derived from the secret key.
 */
export async function openContentKey(secretKey: Uint8Array, sealedKey: string): Promise<Buffer> {
  await sodium.ready;
  const publicKey = sodium.crypto_scalarmult_base(secretKey);
  return Buffer.from(sodium.crypto_box_seal_open(Buffer.from(sealedKey, 'base64'), publicKey, secretKey));
}

/** Opens base64(nonce ‖ AES-256-GCM ciphertext ‖ tag) to its JSON. Throws when the key or the refs do not match. */
export function openSealedContact(contentKey: Buffer, sealed: string, aad: Buffer): unknown {
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new Error('sealed contact too short');
  const decipher = createDecipheriv('aes-256-gcm', contentKey, bytes.subarray(0, NONCE_BYTES), {
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

/**
 * Encrypts guardian contacts at rest with AES-256-GCM under CONTACTS_ENCRYPTION_KEY, the refs as associated data:
 * a row copied to another guardian does not open. `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export class ContactCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError('the contacts encryption key must be 32 bytes');
  }

  encrypt(plaintext: string, aad: Buffer): string {
    const iv = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string, aad: Buffer): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || ciphertext === undefined)
      throw new Error('not an encrypted contact (v1)');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
