import { Module } from '@nestjs/common';
import { ServiceTokenVerifier } from '@meldpunt/auth';
import { ServiceConfig } from '@meldpunt/config';
import { describeClusterWithin } from '@meldpunt/messaging';
import { CredentialsModule } from '../credentials/credentials.module';
import { Clock } from './clock';
import { JsonBodyGuard } from './http/json-body.guard';
import { ReleaseWebhookSignatureInterceptor } from './http/release-webhook-signature.interceptor';
import { SchoolCallerGuard } from './http/school-caller.guard';
import { WebhookSignatureGuard } from './http/webhook-signature.guard';
import { KafkaAvailability } from './kafka-availability';
import { Mailer, SmtpMailer } from './mailer';
import { MeldingConfirmationProcessor } from './melding-confirmation.processor';
import { MeldingConfirmationQueue } from './melding-confirmation.queue';
import { MeldingConfirmationSweeper } from './melding-confirmation.sweeper';
import { MeldingIdempotencyRepository } from './melding-idempotency.repository';
import { MeldingProgressConsumer } from './melding-progress.consumer';
import { MeldingRepository } from './melding.repository';
import { MeldingenWebhookController } from './meldingen-webhook.controller';
import { MeldingenConfig } from './meldingen.config';
import { MeldingenController } from './meldingen.controller';
import { RedisWebhookReplayStore } from './redis-replay-store';
import { RosterLookup, RosterTablesLookup } from './roster-lookup';
import { GetMeldingUseCase } from './use-cases/get-melding.use-case';
import { ListMeldingenUseCase } from './use-cases/list-meldingen.use-case';
import { SendMeldingConfirmationUseCase } from './use-cases/send-melding-confirmation.use-case';
import { SubmitMeldingUseCase } from './use-cases/submit-melding.use-case';
import { UpdateMeldingStatusUseCase } from './use-cases/update-melding-status.use-case';
import { WebhookReplayStore } from './webhook-signature';

/**
 * Meldingen from schools (console form, API with X-Api-Key, signed webhook) → one row + one
 * meldingen.melding.received.v1 event per infection, a confirmation e-mail, and status look-ups. Needs what
 * PlatformModule provides globally: TypeORM's DataSource, ServiceConfig, RedisClient, OutboxWriter/OutboxRelay.
 */
@Module({
  imports: [CredentialsModule],
  controllers: [MeldingenController, MeldingenWebhookController],
  providers: [
    {
      provide: MeldingenConfig,
      inject: [ServiceConfig],
      useFactory: (config: ServiceConfig) => MeldingenConfig.load(undefined, config.queuePrefix),
    },
    {
      // The platform's verifier is not exported to feature modules; the routes here verify tokens themselves.
      provide: ServiceTokenVerifier,
      inject: [ServiceConfig],
      useFactory: (config: ServiceConfig) => new ServiceTokenVerifier(config.authPublicKey, config.service),
    },
    {
      provide: KafkaAvailability,
      inject: [ServiceConfig, MeldingenConfig],
      useFactory: (service: ServiceConfig, config: MeldingenConfig) =>
        new KafkaAvailability(async () => {
          await describeClusterWithin({
            brokers: service.kafkaBrokers,
            timeoutMs: config.kafkaCheckTimeoutMs,
            clientId: `${service.service}-melding-intake-check`,
          });
        }, config.kafkaCheckCacheMs),
    },
    {
      provide: Mailer,
      inject: [MeldingenConfig],
      useFactory: (config: MeldingenConfig) => new SmtpMailer(config.smtpUrl, config.mailFrom),
    },
    { provide: WebhookReplayStore, useClass: RedisWebhookReplayStore },
    { provide: RosterLookup, useClass: RosterTablesLookup },
    Clock,
    MeldingRepository,
    MeldingIdempotencyRepository,
    SchoolCallerGuard,
    JsonBodyGuard,
    WebhookSignatureGuard,
    ReleaseWebhookSignatureInterceptor,
    MeldingConfirmationQueue,
    MeldingConfirmationProcessor,
    MeldingConfirmationSweeper,
    SubmitMeldingUseCase,
    GetMeldingUseCase,
    ListMeldingenUseCase,
    UpdateMeldingStatusUseCase,
    SendMeldingConfirmationUseCase,
    MeldingProgressConsumer,
  ],
  exports: [UpdateMeldingStatusUseCase, MeldingProgressConsumer],
})
export class MeldingenModule {}
