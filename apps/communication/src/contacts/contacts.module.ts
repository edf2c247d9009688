import { Module } from '@nestjs/common';
import { ContactCipher } from './contact-crypto';
import { ContactsConfig } from './contacts.config';
import { ContactsConsumer } from './contacts.consumer';
import { GuardianContactRepository } from './guardian-contact.repository';
import { ApplyGuardianContactsUseCase } from './use-cases/apply-guardian-contacts.use-case';

/**
 * Guardian contacts: opened from intake's sealed events, stored encrypted at rest, read (decrypted) only by the
 * letters pipeline of this service.
 */
@Module({
  providers: [
    { provide: ContactsConfig, useFactory: () => ContactsConfig.load() },
    {
      provide: ContactCipher,
      inject: [ContactsConfig],
      useFactory: (config: ContactsConfig) => new ContactCipher(config.encryptionKey),
    },
    GuardianContactRepository,
    ApplyGuardianContactsUseCase,
    ContactsConsumer,
  ],
  exports: [GuardianContactRepository, ContactsConsumer, ContactsConfig],
})
export class ContactsModule {}
