import { BadRequestException } from '@nestjs/common';
import type { HttpResponse } from './http-types';
import type { MeldingAcceptedResponseDto } from '../dto/melding.response.dto';
import { InvalidIdempotencyKeyError, parseIdempotencyKey } from '../idempotency';
import { MESSAGES } from '../meldingen.messages';
import type { SubmitMeldingResult } from '../use-cases/submit-melding.use-case';

/** The Idempotency-Key header, or a 400 naming it. */
export function idempotencyKeyFrom(header: string | string[] | undefined): string | null {
  try {
    return parseIdempotencyKey(header);
  } catch (error) {
    if (!(error instanceof InvalidIdempotencyKeyError)) throw error;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: MESSAGES.invalidInput,
      fields: [{ field: 'Idempotency-Key', messages: [MESSAGES.idempotency.invalidKey] }],
    });
  }
}

/** 202 + Location for a new melding, 200 for a merge; `Idempotent-Replayed: true` for a remembered answer. */
export function sendSubmitResult(
  result: SubmitMeldingResult,
  response: HttpResponse,
): MeldingAcceptedResponseDto {
  response.status(result.outcome === 'accepted' ? 202 : 200);
  response.setHeader('Location', result.body.statusUrl);
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return { ...result.body };
}
