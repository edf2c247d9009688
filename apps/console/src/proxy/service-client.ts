import { Injectable } from '@nestjs/common';
import { ServiceTokenSigner, type Principal } from '@meldpunt/auth';
import { ConsoleConfig } from '../config';
import type { ServiceId } from '../status/platform-service';

/** How long a service may take: roster uploads of tens of MB included. */
export const SERVICE_TIMEOUT_MS = 60_000;

export interface ServiceRequest {
  readonly method: string;
  /** Path and query on the service, starting with `/`. */
  readonly path: string;
  readonly contentType?: string | undefined;
  readonly body?: Buffer | string | undefined;
  readonly accept?: string | undefined;
  /** Passed on (1–200 visible ASCII characters) so a retried POST is recognised by the service. */
  readonly idempotencyKey?: string | undefined;
  /** Correlates console and service logs. */
  readonly requestId: string;
}

export interface ServiceResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly retryAfter: string | null;
  readonly body: Buffer;
}

/** How long a service may take to start answering a stream; the stream itself then runs as long as it lasts. */
export const STREAM_CONNECT_TIMEOUT_MS = 10_000;

/** A service's answer whose body is read as it arrives (a server-sent event stream). */
export interface ServiceStream {
  readonly status: number;
  readonly contentType: string | null;
  readonly retryAfter: string | null;
  readonly body: ReadableStream<Uint8Array> | null;
  /** Reads the whole body: for an answer that turned out not to be a stream (an error). */
  readAll(): Promise<Buffer>;
  /** Stops reading and closes the connection to the service. */
  close(): void;
}

/** The service did not answer: no connection, or not within SERVICE_TIMEOUT_MS. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: ServiceId,
    readonly reason: 'unreachable' | 'timeout',
    cause?: unknown,
  ) {
    super(`${service} ${reason}`, { cause });
    this.name = 'ServiceUnavailableError';
  }
}

/**
 * The headers the console sends a service: the bearer token for that service and the few request headers that
 * matter to it. Never the browser's cookies or anything else it sent.
 */
export function buildServiceHeaders(token: string, request: ServiceRequest): Record<string, string> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: request.accept ?? 'application/json',
    'x-request-id': request.requestId,
  };
  if (request.body !== undefined && request.contentType) headers['content-type'] = request.contentType;
  if (request.idempotencyKey && /^[\x21-\x7e]{1,200}$/.test(request.idempotencyKey)) {
    headers['idempotency-key'] = request.idempotencyKey;
  }
  return headers;
}

/**
 * Calls the back-end services on behalf of a user, with a short-lived token signed for that one service from the
 * user's principal. Node's global fetch (undici); injected so tests can replace it.
 */
@Injectable()
export class ServiceClient {
  constructor(
    private readonly config: ConsoleConfig,
    private readonly signer: ServiceTokenSigner,
  ) {}

  async send(service: ServiceId, principal: Principal, request: ServiceRequest): Promise<ServiceResponse> {
    const token = this.signer.sign(principal, service);
    const signal = AbortSignal.timeout(SERVICE_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(`${this.config.serviceUrl(service)}${request.path}`, {
        method: request.method,
        headers: buildServiceHeaders(token, request),
        body: request.body,
        redirect: 'manual',
        signal,
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        retryAfter: response.headers.get('retry-after'),
        body: Buffer.from(await response.arrayBuffer()),
      };
    } catch (error) {
      throw new ServiceUnavailableError(service, signal.aborted ? 'timeout' : 'unreachable', error);
    }
  }

  /**
   * Opens a call whose answer is read as it comes (server-sent events): only the wait for the response headers is
   * limited (STREAM_CONNECT_TIMEOUT_MS). `signal` (the browser went away) or close() ends the connection.
   */
  async open(
    service: ServiceId,
    principal: Principal,
    request: ServiceRequest,
    signal?: AbortSignal,
  ): Promise<ServiceStream> {
    const token = this.signer.sign(principal, service);
    const connection = new AbortController();
    const abort = () => connection.abort();
    signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      connection.abort();
    }, STREAM_CONNECT_TIMEOUT_MS);
    try {
      const response = await fetch(`${this.config.serviceUrl(service)}${request.path}`, {
        method: request.method,
        headers: buildServiceHeaders(token, request),
        redirect: 'manual',
        signal: connection.signal,
      });
      const close = () => {
        signal?.removeEventListener('abort', abort);
        connection.abort();
      };
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        retryAfter: response.headers.get('retry-after'),
        body: response.body,
        readAll: async () => {
          try {
            return Buffer.from(await response.arrayBuffer());
          } finally {
            close();
          }
        },
        close,
      };
    } catch (error) {
      signal?.removeEventListener('abort', abort);
      throw new ServiceUnavailableError(service, timedOut ? 'timeout' : 'unreachable', error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A JSON call (seeding, server-side reads): the status and the parsed body (null when not JSON). */
  async json(
    service: ServiceId,
    principal: Principal,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const response = await this.send(service, principal, {
      method,
      path,
      requestId: crypto.randomUUID(),
      ...(body === undefined ? {} : { contentType: 'application/json', body: JSON.stringify(body) }),
    });
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(response.body.toString('utf8'));
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed };
  }
}
