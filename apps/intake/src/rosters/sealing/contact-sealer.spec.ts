import sodium from 'libsodium-wrappers';
import { unpackGuardianContact, type GuardianContactV1 } from '@meldpunt/contracts';
import { contactAad, ContactSealer, openGuardianContact } from './contact-sealer';
import { SealedContactsConfig } from './sealed-contacts.config';

const contact: GuardianContactV1 = {
  name: 'Élise Peeters',
  householdLabel: 'gezin 1',
  language: 'nl',
  email: 'elise@example.be',
  mobile: '+32470123456',
  preferredChannel: 'email',
  pupilFirstName: 'Zoë',
  pupilLastName: "D'Hondt",
};
const SCHOOL = '11111111-1111-4111-8111-111111111111';
const PUPIL = '22222222-2222-4222-8222-222222222222';
const GUARDIAN = '33333333-3333-4333-8333-333333333333';

describe('ContactSealer', () => {
  let keyPair: { publicKey: Uint8Array; secretKey: Uint8Array };
  let sealer: ContactSealer;

  beforeAll(async () => {
    await sodium.ready;
    const pair = sodium.crypto_box_keypair();
    keyPair = { publicKey: pair.publicKey, secretKey: pair.privateKey };
    sealer = new ContactSealer(new SealedContactsConfig(pair.publicKey, 'test-key'));
  });

  it('seals so that only the key pair opens it, and nothing readable is left in the blob', async () => {
    const key = await sealer.newEnvelopeKey();
    const sealed = key.seal(contact, contactAad(SCHOOL, PUPIL, GUARDIAN));
    const decoded = Buffer.from(sealed, 'base64').toString('latin1');
    // Five bytes and more: a shorter string turns up in random ciphertext now and then (`Zo` did, once).
    const zoe = Buffer.from('Zoë', 'utf8').toString('latin1');
    for (const secret of ['elise', 'Peeters', '470123456', zoe]) expect(decoded).not.toContain(secret);
    const opened = await openGuardianContact(
      keyPair,
      key.sealedKey,
      sealed,
      contactAad(SCHOOL, PUPIL, GUARDIAN),
    );
    expect(unpackGuardianContact(opened)).toEqual(contact);
  });

  it('uses a fresh nonce per contact and a fresh key per event', async () => {
    const key = await sealer.newEnvelopeKey();
    const aad = contactAad(SCHOOL, PUPIL, GUARDIAN);
    expect(key.seal(contact, aad)).not.toBe(key.seal(contact, aad));
    expect((await sealer.newEnvelopeKey()).sealedKey).not.toBe(key.sealedKey);
  });

  it('refuses a blob moved to another guardian (the refs are authenticated)', async () => {
    const key = await sealer.newEnvelopeKey();
    const sealed = key.seal(contact, contactAad(SCHOOL, PUPIL, GUARDIAN));
    await expect(
      openGuardianContact(keyPair, key.sealedKey, sealed, contactAad(SCHOOL, PUPIL, PUPIL)),
    ).rejects.toThrow();
  });
});

describe('SealedContactsConfig', () => {
  it('reads a base64 X25519 key and its id, failing fast with the variable names', () => {
    const publicKey = Buffer.alloc(32, 7).toString('base64');
    const config = SealedContactsConfig.load({
      COMMUNICATION_SEAL_PUBLIC_KEY: publicKey,
      COMMUNICATION_SEAL_KEY_ID: 'dev-2026',
    });
    expect(config.keyId).toBe('dev-2026');
    expect(config.publicKey).toHaveLength(32);
    expect(() => SealedContactsConfig.load({ COMMUNICATION_SEAL_PUBLIC_KEY: 'c2hvcnQ=' })).toThrow(
      /COMMUNICATION_SEAL_PUBLIC_KEY: must be the communication service's X25519 public key[\s\S]*COMMUNICATION_SEAL_KEY_ID: is required/,
    );
  });
});
