import { createCipheriv, randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import {
  GUARDIAN_CONTACT_SCHEME,
  packGuardianContact,
  type GuardianContactsChangedV1,
  type GuardianContactV1,
} from '@meldpunt/contracts';
import { contactAad } from '../contact-crypto';

export interface TestSealKeys {
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export async function testSealKeys(keyId = 'test-key'): Promise<TestSealKeys> {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  return { keyId, publicKey: pair.publicKey, secretKey: pair.privateKey };
}

/** Seals contacts as intake does (GUARDIAN_CONTACT_SCHEME), for tests: communication must open them. */
export async function sealContactsEvent(
  keys: Pick<TestSealKeys, 'keyId' | 'publicKey'>,
  schoolId: string,
  contacts: readonly { pupilRef: string; guardianRef: string; contact: GuardianContactV1 | null }[],
): Promise<GuardianContactsChangedV1> {
  await sodium.ready;
  const key = randomBytes(32);
  return {
    schoolId,
    keyId: keys.keyId,
    scheme: GUARDIAN_CONTACT_SCHEME,
    sealedKey: Buffer.from(sodium.crypto_box_seal(new Uint8Array(key), keys.publicKey)).toString('base64'),
    contacts: contacts.map((entry) => {
      if (entry.contact === null)
        return { pupilRef: entry.pupilRef, guardianRef: entry.guardianRef, sealed: null };
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(contactAad(schoolId, entry.pupilRef, entry.guardianRef));
      const body = cipher.update(JSON.stringify(packGuardianContact(entry.contact)), 'utf8');
      return {
        pupilRef: entry.pupilRef,
        guardianRef: entry.guardianRef,
        sealed: Buffer.concat([nonce, body, cipher.final(), cipher.getAuthTag()]).toString('base64'),
      };
    }),
  };
}
