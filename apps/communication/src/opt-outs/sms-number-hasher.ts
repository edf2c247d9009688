import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Keyed hash of a mobile number (E.164), so opt-outs can be looked up without storing the number: HMAC-SHA256
 * under a key derived (HKDF-SHA256) from the contacts encryption key. Without that key the hashes of the few
 * million Belgian mobile numbers cannot be enumerated.
 */
export class SmsNumberHasher {
  private readonly key: Buffer;

  constructor(contactsEncryptionKey: Buffer) {
    this.key = Buffer.from(
      hkdfSync('sha256', contactsEncryptionKey, Buffer.alloc(0), 'meldpunt sms opt-out v1', 32),
    );
  }

  hash(number: string): string {
    return createHmac('sha256', this.key).update(normaliseNumber(number)).digest('hex');
  }
}

/** `+32 470 12 34 56` and `0032470123456` are the same number as `+32470123456`. */
export function normaliseNumber(number: string): string {
  const compact = number.replace(/[\s().-]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}
