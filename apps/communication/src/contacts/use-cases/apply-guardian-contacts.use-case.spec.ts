import { randomBytes } from 'node:crypto';
import type { GuardianContactV1 } from '@meldpunt/contracts';
import type { EntityManager } from 'typeorm';
import { contactAad, ContactCipher } from '../contact-crypto';
import { ContactsConfig } from '../contacts.config';
import type { ContactChange, GuardianContactRepository } from '../guardian-contact.repository';
import { sealContactsEvent, testSealKeys, type TestSealKeys } from '../test-fixtures/contact-sealing';
import { ApplyGuardianContactsUseCase, UnopenableContactsError } from './apply-guardian-contacts.use-case';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const PUPIL = '22222222-2222-4222-8222-222222222222';
const GUARDIAN = '33333333-3333-4333-8333-333333333333';
const OTHER = '44444444-4444-4444-8444-444444444444';
const contact: GuardianContactV1 = {
  name: 'Élise Peeters',
  householdLabel: 'gezin 1',
  language: 'ar',
  email: 'elise@example.be',
  mobile: '+32470123456',
  preferredChannel: 'sms',
  pupilFirstName: 'Zoë',
  pupilLastName: "D'Hondt",
};
const manager = {} as EntityManager;

describe('ApplyGuardianContactsUseCase', () => {
  let keys: TestSealKeys;
  let applied: ContactChange[];
  let useCase: ApplyGuardianContactsUseCase;

  beforeAll(async () => {
    keys = await testSealKeys('k1');
  });

  beforeEach(() => {
    applied = [];
    const repository = {
      apply: (_manager: EntityManager, _school: string, changes: readonly ContactChange[]) => {
        applied.push(...changes);
        return Promise.resolve();
      },
    } as unknown as GuardianContactRepository;
    useCase = new ApplyGuardianContactsUseCase(
      new ContactsConfig({ keyId: 'k1', secretKey: keys.secretKey }, randomBytes(32)),
      repository,
    );
  });

  it('opens sealed contacts and passes removals on', async () => {
    const event = await sealContactsEvent(keys, SCHOOL, [
      { pupilRef: PUPIL, guardianRef: GUARDIAN, contact },
      { pupilRef: PUPIL, guardianRef: OTHER, contact: null },
    ]);
    await expect(useCase.execute(manager, event, new Date())).resolves.toBe(2);
    expect(applied).toEqual([
      { pupilRef: PUPIL, guardianRef: GUARDIAN, contact },
      { pupilRef: PUPIL, guardianRef: OTHER, contact: null },
    ]);
  });

  it('refuses a contact moved to another guardian (the refs are authenticated), naming no one', async () => {
    const event = await sealContactsEvent(keys, SCHOOL, [
      { pupilRef: PUPIL, guardianRef: GUARDIAN, contact },
    ]);
    const moved = { ...event, contacts: event.contacts.map((entry) => ({ ...entry, guardianRef: OTHER })) };
    const attempt = useCase.execute(manager, moved, new Date());
    await expect(attempt).rejects.toThrow(UnopenableContactsError);
    await expect(attempt).rejects.not.toThrow(/Peeters|elise/);
    expect(applied).toEqual([]);
  });

  it('refuses contacts sealed to another key pair', async () => {
    const stranger = await testSealKeys('k1');
    const event = await sealContactsEvent(stranger, SCHOOL, [
      { pupilRef: PUPIL, guardianRef: GUARDIAN, contact },
    ]);
    await expect(useCase.execute(manager, event, new Date())).rejects.toThrow(/does not open/);
    const otherId = await sealContactsEvent({ ...keys, keyId: 'k0' }, SCHOOL, []);
    await expect(useCase.execute(manager, otherId, new Date())).rejects.toThrow(/sealed to key k0/);
  });
});

describe('ContactCipher', () => {
  it('encrypts at rest bound to the refs', () => {
    const cipher = new ContactCipher(randomBytes(32));
    const sealed = cipher.encrypt('{"n":"Élise"}', contactAad(SCHOOL, PUPIL, GUARDIAN));
    // Only base64url parts: no plaintext (a short name could turn up in random ciphertext by chance).
    expect(sealed).toMatch(/^v1(\.[A-Za-z0-9_-]+)+$/);
    expect(sealed).not.toContain('Élise');
    expect(cipher.decrypt(sealed, contactAad(SCHOOL, PUPIL, GUARDIAN))).toBe('{"n":"Élise"}');
    expect(() => cipher.decrypt(sealed, contactAad(SCHOOL, PUPIL, OTHER))).toThrow();
  });
});

describe('ContactsConfig', () => {
  it('fails fast in production without keys, and uses a development key elsewhere', () => {
    expect(() => ContactsConfig.load({ NODE_ENV: 'production' })).toThrow(
      /COMMUNICATION_SEAL_SECRET_KEY: is required in production[\s\S]*CONTACTS_ENCRYPTION_KEY: is required in production/,
    );
    const development = ContactsConfig.load({ NODE_ENV: 'development' });
    expect(development.usesDevelopmentKey).toBe(true);
    expect(development.sealKey).toBeNull();
    const configured = ContactsConfig.load({
      NODE_ENV: 'production',
      COMMUNICATION_SEAL_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
      COMMUNICATION_SEAL_KEY_ID: 'prod-2026',
      CONTACTS_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString('base64'),
    });
    expect(configured.usesDevelopmentKey).toBe(false);
    expect(configured.sealKey?.keyId).toBe('prod-2026');
    expect(() => ContactsConfig.load({ CONTACTS_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(
      /CONTACTS_ENCRYPTION_KEY: must be 32/,
    );
  });
});
