import { Module } from '@nestjs/common';
import { Clock } from '../letters/clock';
import { SignedWebhookGuard } from './http/signed-webhook.guard';
import { ProviderWebhooksConfig } from './provider-webhooks.config';

/** The one check of every provider webhook (delivery reports, inbound SMS): PROVIDER_WEBHOOK_SECRET, timestamped. */
@Module({
  providers: [
    { provide: ProviderWebhooksConfig, useFactory: () => ProviderWebhooksConfig.load() },
    Clock,
    SignedWebhookGuard,
  ],
  exports: [ProviderWebhooksConfig, SignedWebhookGuard, Clock],
})
export class ProviderWebhooksModule {}
