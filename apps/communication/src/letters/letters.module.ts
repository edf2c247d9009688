import { Module } from '@nestjs/common';
import { ServiceConfig } from '@meldpunt/config';
import { ContactsModule } from '../contacts/contacts.module';
import { OptOutsModule } from '../opt-outs/opt-outs.module';
import { IssueSchoolNoticeUseCase } from '../school-notices/use-cases/issue-school-notice.use-case';
import { TemplatesModule } from '../templates/templates.module';
import { AfterCommit } from './after-commit';
import { LetterMailer, SmtpLetterMailer } from './channels/mailer';
import { HttpSmsProvider, SmsProvider } from './channels/sms-provider';
import { Clock } from './clock';
import { DeadLetterRepository } from './dead-letter.repository';
import { DeadLettersController } from './dead-letters.controller';
import { DecisionsConsumer } from './decisions.consumer';
import { DeliveryUpdates } from './delivery-updates';
import { LetterComposer } from './letter-composer';
import { LetterFallback } from './letter-fallback';
import { LetterMessageRepository } from './letter-message.repository';
import { LetterQueues } from './letter-queues';
import { LetterProcessor } from './letter.processor';
import { LetterSweeper } from './letter.sweeper';
import { LettersConfig } from './letters.config';
import { PublicLettersController } from './public-letters.controller';
import {
  ListDeadLettersUseCase,
  ResolveDeadLetterUseCase,
  RetryDeadLetterUseCase,
} from './use-cases/dead-letters.use-cases';
import { PlanDecisionLettersUseCase } from './use-cases/plan-decision-letters.use-case';
import { ReadPublicLetterUseCase } from './use-cases/read-public-letter.use-case';
import { SendLetterUseCase } from './use-cases/send-letter.use-case';

/**
 * Doctors' decisions → one letter per guardian (address) and channel → a BullMQ queue per channel (rate
 * limited, backoff, deterministic job ids) → SMTP / the SMS provider → delivery updates on Kafka; the other
 * channel as fallback, then the dead-letter list. Needs what PlatformModule provides globally (DataSource,
 * ServiceConfig, OutboxWriter/OutboxRelay).
 */
@Module({
  imports: [ContactsModule, TemplatesModule, OptOutsModule],
  controllers: [DeadLettersController, PublicLettersController],
  providers: [
    {
      provide: LettersConfig,
      inject: [ServiceConfig],
      useFactory: (config: ServiceConfig) => LettersConfig.load(undefined, config.queuePrefix),
    },
    {
      provide: LetterMailer,
      inject: [LettersConfig],
      useFactory: (config: LettersConfig) =>
        new SmtpLetterMailer(config.smtpUrl, config.mailFrom, config.smtpPoolSize),
    },
    {
      provide: SmsProvider,
      inject: [LettersConfig],
      useFactory: (config: LettersConfig) =>
        new HttpSmsProvider(config.smsProviderUrl, config.smsProviderApiKey),
    },
    Clock,
    AfterCommit,
    DeliveryUpdates,
    LetterComposer,
    LetterFallback,
    ReadPublicLetterUseCase,
    LetterMessageRepository,
    DeadLetterRepository,
    LetterQueues,
    LetterProcessor,
    LetterSweeper,
    PlanDecisionLettersUseCase,
    SendLetterUseCase,
    ListDeadLettersUseCase,
    RetryDeadLetterUseCase,
    ResolveDeadLetterUseCase,
    DecisionsConsumer,
    IssueSchoolNoticeUseCase,
  ],
  exports: [
    DecisionsConsumer,
    LetterFallback,
    LetterQueues,
    LetterMessageRepository,
    AfterCommit,
    Clock,
    LettersConfig,
    LetterMailer,
    SmsProvider,
  ],
})
export class LettersModule {}
