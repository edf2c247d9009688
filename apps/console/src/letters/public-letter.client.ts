import { Injectable } from '@nestjs/common';
import { ConsoleConfig } from '../config';

export interface PublicLetter {
  readonly language: string;
  readonly direction: 'ltr' | 'rtl';
  readonly subject: string;
  readonly html: string;
}

const TIMEOUT_MS = 10_000;

/**
 * Asks communication for the letter behind a link token (`GET /v1/public/letters/:token`, public by design: no
 * user, no token). null when it has none (unknown or expired); throws when communication does not answer.
 */
@Injectable()
export class PublicLetterClient {
  constructor(private readonly config: ConsoleConfig) {}

  async fetch(token: string, requestId: string): Promise<PublicLetter | null> {
    const url = new URL(
      `/v1/public/letters/${encodeURIComponent(token)}`,
      this.config.serviceUrl('communication'),
    );
    const response = await fetch(url, {
      headers: { accept: 'application/json', 'x-request-id': requestId },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`communication answered ${response.status}`);
    const body = (await response.json()) as Partial<PublicLetter>;
    if (typeof body.html !== 'string' || typeof body.language !== 'string')
      throw new Error('unexpected answer');
    return {
      language: body.language,
      direction: body.direction === 'rtl' ? 'rtl' : 'ltr',
      subject: typeof body.subject === 'string' ? body.subject : '',
      html: body.html,
    };
  }
}
