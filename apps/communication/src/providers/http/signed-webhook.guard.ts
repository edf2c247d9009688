import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { Clock } from '../../letters/clock';
import { ProviderWebhooksConfig } from '../provider-webhooks.config';
import { DELIVERY_REPORT_MESSAGES } from '../delivery-reports.messages';
import {
  verifyTimestampedWebhook,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from '../webhook-signature';

/**
 * Lets a provider webhook (delivery reports, inbound SMS) in only when X-Meldpunt-Signature signs `<X-Meldpunt-Timestamp>.<raw body>` with
 * PROVIDER_WEBHOOK_SECRET and the timestamp is within 5 minutes of our clock (401 otherwise, before the body is
 * validated). Runs on an @Public() route: providers have no console token.
 */
@Injectable()
export class SignedWebhookGuard implements CanActivate {
  constructor(
    private readonly config: ProviderWebhooksConfig,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
    const check = verifyTimestampedWebhook(
      {
        rawBody: Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined,
        signature: request.headers[WEBHOOK_SIGNATURE_HEADER],
        timestamp: request.headers[WEBHOOK_TIMESTAMP_HEADER],
      },
      this.config.secrets,
      Math.floor(this.clock.now().getTime() / 1000),
    );
    if (check.ok) return true;
    throw new UnauthorizedException({
      statusCode: 401,
      error: 'Unauthorized',
      message: DELIVERY_REPORT_MESSAGES.signature[check.reason],
      reason: check.reason,
    });
  }
}
