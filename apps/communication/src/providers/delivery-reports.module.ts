import { Module } from '@nestjs/common';
import { LettersModule } from '../letters/letters.module';
import { DeliveryReportsController } from './delivery-reports.controller';
import { PendingReportsSweeper } from './pending-reports.sweeper';
import { ProviderWebhooksModule } from './provider-webhooks.module';
import { ApplyDeliveryReportsUseCase } from './use-cases/apply-delivery-reports.use-case';

/**
 * Signed delivery reports of the e-mail and SMS providers (POST /v1/providers/:channel/reports) → letters
 * delivered, or bounced/failed and sent on the other channel (LetterFallback) or dead-lettered.
 */
@Module({
  imports: [LettersModule, ProviderWebhooksModule],
  controllers: [DeliveryReportsController],
  providers: [ApplyDeliveryReportsUseCase, PendingReportsSweeper],
})
export class DeliveryReportsModule {}
