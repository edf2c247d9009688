import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { CampaignsError } from '../campaigns.errors';
import { CAMPAIGN_FIELD_MESSAGES } from '../campaigns.messages';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/** The optional `Idempotency-Key` header: absent → null; present but malformed → a 400 naming it. */
export function idempotencyKeyOf(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !KEY.test(value.trim()))
    throw new CampaignsError('invalid', CAMPAIGN_FIELD_MESSAGES.idempotencyKey, 'Idempotency-Key');
  return value.trim();
}

/** Parameter decorator: the request's validated Idempotency-Key (or null). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  idempotencyKeyOf(context.switchToHttp().getRequest<Request>().headers['idempotency-key']),
);
