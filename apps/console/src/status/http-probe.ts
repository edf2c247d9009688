import { Injectable } from '@nestjs/common';

/** What a service answered: the HTTP status and the body, parsed as JSON when it is JSON (else null). */
export interface ProbeResponse {
  readonly httpStatus: number;
  readonly body: unknown;
}

/**
 * One HTTP GET to another service, through Node's global fetch. Rejects when the service cannot be reached or
 * the signal aborts. Injected so unit tests replace it.
 */
@Injectable()
export class HttpProbe {
  async get(url: string, signal: AbortSignal): Promise<ProbeResponse> {
    const response = await fetch(url, {
      signal,
      headers: { accept: 'application/json' },
      redirect: 'manual',
    });
    const text = await response.text();
    return { httpStatus: response.status, body: parseJson(text) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
