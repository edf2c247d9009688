import { Injectable, Logger } from '@nestjs/common';
import { unpackGuardianContact, type GuardianContactsChangedV1 } from '@meldpunt/contracts';
import { NonRetriableError } from '@meldpunt/messaging';
import type { EntityManager } from 'typeorm';
import { contactAad, openContentKey, openSealedContact } from '../contact-crypto';
import { ContactsConfig } from '../contacts.config';
import { GuardianContactRepository, type ContactChange } from '../guardian-contact.repository';

/** An event this service cannot open (no key, another key, tampered data): retrying will not help. */
export class UnopenableContactsError extends NonRetriableError {
  constructor(message: string) {
    super(message);
    this.name = 'UnopenableContactsError';
  }
}

/**
 * Opens the guardian contacts intake sealed for this service (GUARDIAN_CONTACT_SCHEME) and stores them encrypted
 * at rest, in the inbox transaction. A null `sealed` removes the guardian. All-or-nothing per event: one contact
 * that does not open (wrong key, moved between guardians) dead-letters the whole event, naming no one.
 */
@Injectable()
export class ApplyGuardianContactsUseCase {
  private readonly logger = new Logger('GuardianContacts');

  constructor(
    private readonly config: ContactsConfig,
    private readonly contacts: GuardianContactRepository,
  ) {}

  async execute(
    manager: EntityManager,
    payload: GuardianContactsChangedV1,
    occurredAt: Date,
  ): Promise<number> {
    const sealKey = this.config.sealKey;
    if (!sealKey) throw new UnopenableContactsError('no seal key configured (COMMUNICATION_SEAL_SECRET_KEY)');
    if (payload.keyId !== sealKey.keyId)
      throw new UnopenableContactsError(
        `contacts sealed to key ${payload.keyId}; this service holds ${sealKey.keyId}`,
      );
    let contentKey: Buffer;
    try {
      contentKey = await openContentKey(sealKey.secretKey, payload.sealedKey);
    } catch {
      throw new UnopenableContactsError(`the content key does not open with key ${sealKey.keyId}`);
    }
    const changes: ContactChange[] = payload.contacts.map((entry, index) => {
      if (entry.sealed === null)
        return { pupilRef: entry.pupilRef, guardianRef: entry.guardianRef, contact: null };
      try {
        const json = openSealedContact(
          contentKey,
          entry.sealed,
          contactAad(payload.schoolId, entry.pupilRef, entry.guardianRef),
        );
        return {
          pupilRef: entry.pupilRef,
          guardianRef: entry.guardianRef,
          contact: unpackGuardianContact(json),
        };
      } catch {
        throw new UnopenableContactsError(
          `contact #${index} (guardian ${entry.guardianRef}) does not open or is invalid`,
        );
      }
    });
    await this.contacts.apply(manager, payload.schoolId, changes, occurredAt);
    this.logger.debug(`school ${payload.schoolId}: ${changes.length} guardian contact(s) applied`);
    return changes.length;
  }
}
