import { Module } from '@nestjs/common';
import { ContactsConfig } from '../contacts/contacts.config';
import { ContactsModule } from '../contacts/contacts.module';
import { ProviderWebhooksModule } from '../providers/provider-webhooks.module';
import { OptOutRepository } from './opt-out.repository';
import { SmsInboundController } from './sms-inbound.controller';
import { SmsNumberHasher } from './sms-number-hasher';
import { RecordInboundSmsUseCase } from './use-cases/record-inbound-sms.use-case';

/** SMS STOP / START from guardians (signed provider webhook) and the opt-out look-up campaigns use. */
@Module({
  imports: [ContactsModule, ProviderWebhooksModule],
  controllers: [SmsInboundController],
  providers: [
    {
      provide: SmsNumberHasher,
      inject: [ContactsConfig],
      useFactory: (config: ContactsConfig) => new SmsNumberHasher(config.encryptionKey),
    },
    OptOutRepository,
    RecordInboundSmsUseCase,
  ],
  exports: [OptOutRepository],
})
export class OptOutsModule {}
