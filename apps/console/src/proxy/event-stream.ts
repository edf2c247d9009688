import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@meldpunt/auth';
import { ResolveSessionUseCase } from '../auth/use-cases/resolve-session.use-case';
import type { HttpStreamResponse } from '../http-types';
import type { ServiceId } from '../status/platform-service';
import { ServiceClient, type ServiceResponse } from './service-client';

/**
 * The proxied GET paths that are server-sent event streams: passed to the browser as they arrive, never buffered.
 * Anything else is read whole (ProxyController).
 */
export const EVENT_STREAM_ROUTES: readonly { readonly service: ServiceId; readonly path: RegExp }[] = [
  { service: 'risk-assessment', path: /^\/v1\/cases\/stream(\?|$)/ },
];

export function isEventStreamPath(service: ServiceId, path: string): boolean {
  return EVENT_STREAM_ROUTES.some((route) => route.service === service && route.path.test(path));
}

export function isEventStreamType(contentType: string | null | undefined): boolean {
  return /^text\/event-stream\b/i.test(contentType ?? '');
}

export interface EventStreamSettings {
  /** How often an open stream checks that its session is still valid (and its user unchanged). */
  readonly sessionRecheckMs: number;
}

export const DEFAULT_EVENT_STREAM_SETTINGS: EventStreamSettings = { sessionRecheckMs: 30_000 };

export interface EventStreamRequest {
  readonly service: ServiceId;
  /** Path and query on the service. */
  readonly path: string;
  /** The raw session id from the cookie, to check the session again while the stream is open. */
  readonly sessionId: string;
  readonly principal: Principal;
  readonly requestId: string;
  readonly response: HttpStreamResponse;
}

/**
 * How a relay ended: the service answered without a stream (an error to pass on as usual), the service ended the
 * stream, the browser went away, or the session ended (logout, expiry, deactivation, a changed role or tenancy).
 */
export type EventStreamOutcome =
  | { readonly kind: 'answer'; readonly answer: ServiceResponse }
  | { readonly kind: 'upstream-ended' | 'client-closed' | 'session-ended' };

function samePrincipal(a: Principal, b: Principal): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().every((value, index) => value === [...y].sort()[index]);
  return (
    a.userId === b.userId && a.role === b.role && same(a.clbIds, b.clbIds) && same(a.schoolIds, b.schoolIds)
  );
}

/**
 * Passes a service's server-sent events to the browser chunk by chunk: headers flushed at once, nothing buffered
 * (waits for the browser when it reads slower), the service's connection closed when the browser goes away, and
 * the session checked again every `sessionRecheckMs` so a stream never outlives its session.
 */
@Injectable()
export class EventStreamRelay {
  private readonly logger = new Logger('EventStreamRelay');
  private settings: EventStreamSettings = DEFAULT_EVENT_STREAM_SETTINGS;

  constructor(
    private readonly client: ServiceClient,
    private readonly resolveSession: ResolveSessionUseCase,
  ) {}

  /** For tests: a shorter session re-check. */
  configure(settings: Partial<EventStreamSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  /** Throws ServiceUnavailableError when the service cannot be reached (nothing has been sent yet then). */
  async relay(request: EventStreamRequest): Promise<EventStreamOutcome> {
    const { response } = request;
    const browserGone = new AbortController();
    const onClose = () => browserGone.abort();
    response.once('close', onClose);
    try {
      let upstream;
      try {
        upstream = await this.client.open(
          request.service,
          request.principal,
          { method: 'GET', path: request.path, accept: 'text/event-stream', requestId: request.requestId },
          browserGone.signal,
        );
      } catch (error) {
        if (browserGone.signal.aborted) return { kind: 'client-closed' };
        throw error;
      }
      if (upstream.status !== 200 || !isEventStreamType(upstream.contentType) || !upstream.body) {
        const body = await upstream.readAll();
        return {
          kind: 'answer',
          answer: {
            status: upstream.status,
            contentType: upstream.contentType,
            retryAfter: upstream.retryAfter,
            body,
          },
        };
      }
      const stream = upstream;
      return await this.pipe(request, upstream.body, () => stream.close(), browserGone.signal);
    } finally {
      response.off('close', onClose);
    }
  }

  private async pipe(
    request: EventStreamRequest,
    body: ReadableStream<Uint8Array>,
    closeUpstream: () => void,
    browserGone: AbortSignal,
  ): Promise<EventStreamOutcome> {
    const { response } = request;
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store, no-transform');
    // Tells a reverse proxy in front of the console (nginx) not to buffer either.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();

    const reader = body.getReader();
    // An object, so the flow analysis sees that stop() (called from listeners) changes it.
    const state: { ended: 'client-closed' | 'session-ended' | null } = { ended: null };
    const stop = (why: 'client-closed' | 'session-ended') => {
      if (state.ended) return;
      state.ended = why;
      reader.cancel().catch(() => undefined);
      closeUpstream();
    };
    if (browserGone.aborted) stop('client-closed');
    browserGone.addEventListener('abort', () => stop('client-closed'), { once: true });
    const recheck = setInterval(() => {
      void this.stillValid(request).then((valid) => {
        if (!valid) stop('session-ended');
      });
    }, this.settings.sessionRecheckMs);
    try {
      while (!state.ended) {
        const { done, value } = await reader.read();
        if (done || state.ended) break;
        if (!response.write(value)) await this.drained(response);
      }
    } catch (error) {
      if (!state.ended) {
        this.logger.warn(
          `${request.service} stream broke (request ${request.requestId}): ` +
            (error instanceof Error ? error.message : String(error)),
        );
      }
    } finally {
      clearInterval(recheck);
      closeUpstream();
      if (!response.writableEnded && !response.destroyed) response.end();
    }
    return { kind: state.ended ?? 'upstream-ended' };
  }

  /** Waits until the browser has taken what was written, or is gone. */
  private drained(response: HttpStreamResponse): Promise<void> {
    if (response.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        response.off('drain', done);
        response.off('close', done);
        resolve();
      };
      response.once('drain', done);
      response.once('close', done);
    });
  }

  /** The session still exists, its user is active and acts with the same role and tenancy. */
  private async stillValid(request: EventStreamRequest): Promise<boolean> {
    try {
      const session = await this.resolveSession.execute(request.sessionId, { touch: false });
      return session !== null && samePrincipal(session.principal, request.principal);
    } catch (error) {
      // A database hiccup does not end the stream; the next check decides.
      this.logger.warn(
        `session re-check failed (request ${request.requestId}): ` +
          (error instanceof Error ? error.message : String(error)),
      );
      return true;
    }
  }
}
