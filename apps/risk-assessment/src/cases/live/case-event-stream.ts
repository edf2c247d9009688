import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { ServiceConfig } from '@meldpunt/config';
import { Client, type Notification } from 'pg';
import { Observable } from 'rxjs';
import { CaseRepository } from '../case.repository';
import { queueItemOf } from '../case-view';
import { Clock } from '../../calendar/clock';
import type { QueueItemDto } from '../dto/case.response.dto';
import { CASE_CHANGE_KINDS, CASE_EVENTS_CHANNEL, type CaseChangeKind } from './case-notifier';

/** What a live-queue subscriber receives (one server-sent event each). */
export type CaseStreamEvent =
  | { readonly type: 'ready'; readonly data: { readonly at: string } }
  | { readonly type: CaseChangeKind; readonly id: string; readonly data: QueueItemDto }
  /** Changes may have been missed (the database connection was lost): fetch the queue again. */
  | { readonly type: 'resync'; readonly data: { readonly at: string } }
  | { readonly type: 'ping'; readonly data: { readonly at: string } };

export interface CaseStreamSettings {
  /** A comment-like ping this often keeps proxies from closing an idle stream. */
  readonly pingIntervalMs: number;
  /** The stream ends after this long; the browser's EventSource reconnects (with a fresh console token). */
  readonly maxStreamMs: number;
  readonly reconnectDelayMs: number;
}

export const DEFAULT_STREAM_SETTINGS: CaseStreamSettings = {
  pingIntervalMs: 25_000,
  maxStreamMs: 15 * 60_000,
  reconnectDelayMs: 1_000,
};

interface Subscriber {
  readonly scope: TenancyScope;
  readonly next: (event: CaseStreamEvent) => void;
  readonly complete: () => void;
}

function parseChange(
  payload: string | undefined,
): { kind: CaseChangeKind; caseId: string; clbId: string } | null {
  try {
    const value = JSON.parse(payload ?? '') as Record<string, unknown>;
    const kind = CASE_CHANGE_KINDS.find((candidate) => candidate === value['kind']);
    if (!kind || typeof value['caseId'] !== 'string' || typeof value['clbId'] !== 'string') return null;
    return { kind, caseId: value['caseId'], clbId: value['clbId'] };
  } catch {
    return null;
  }
}

/**
 * The live queue: LISTENs (one dedicated connection per instance, opened on the first subscriber) for committed
 * case changes, loads each changed case once and sends it to the subscribers whose CLBs may see it. Changes are
 * handled one at a time, so a subscriber sees a case's states in commit order.
 */
@Injectable()
export class CaseEventStream implements BeforeApplicationShutdown {
  private readonly logger = new Logger('CaseEventStream');
  private readonly subscribers = new Set<Subscriber>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private settings: CaseStreamSettings = DEFAULT_STREAM_SETTINGS;

  constructor(
    private readonly config: ServiceConfig,
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  /** For tests: shorter pings and stream lifetimes. */
  configure(settings: Partial<CaseStreamSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  /** Live changes of the cases the scope may see; starts with `ready` once listening. */
  subscribe(scope: TenancyScope): Observable<CaseStreamEvent> {
    return new Observable<CaseStreamEvent>((observer) => {
      const subscriber: Subscriber = {
        scope,
        next: (event) => observer.next(event),
        complete: () => observer.complete(),
      };
      this.subscribers.add(subscriber);
      const at = () => ({ at: this.clock.now().toISOString() });
      this.listen().then(
        () => observer.next({ type: 'ready', data: at() }),
        (error: unknown) => observer.error(error),
      );
      const ping = setInterval(
        () => observer.next({ type: 'ping', data: at() }),
        this.settings.pingIntervalMs,
      );
      const end = setTimeout(() => observer.complete(), this.settings.maxStreamMs);
      return () => {
        this.subscribers.delete(subscriber);
        clearInterval(ping);
        clearTimeout(end);
      };
    });
  }

  /** Ends every stream before the HTTP server closes (an open stream would keep it from closing). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const subscriber of [...this.subscribers]) subscriber.complete();
    this.subscribers.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private listen(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: `${this.config.service}-live`,
    });
    client.on('notification', (message: Notification) => {
      if (message.channel !== CASE_EVENTS_CHANNEL) return;
      this.chain = this.chain
        .then(() => this.deliver(message.payload))
        .catch((error: unknown) => {
          this.logger.warn(`live update failed: ${error instanceof Error ? error.message : String(error)}`);
        });
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      void client.end().catch(() => undefined);
      if (!this.closed) this.reconnectLater();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`LISTEN ${CASE_EVENTS_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
  }

  private reconnectLater(): void {
    setTimeout(() => {
      if (this.closed || this.subscribers.size === 0) return;
      this.listen().then(
        () => {
          const at = this.clock.now().toISOString();
          for (const subscriber of this.subscribers) subscriber.next({ type: 'resync', data: { at } });
        },
        () => this.reconnectLater(),
      );
    }, this.settings.reconnectDelayMs).unref();
  }

  private async deliver(payload: string | undefined): Promise<void> {
    const change = parseChange(payload);
    if (!change) return;
    const interested = [...this.subscribers].filter((subscriber) => subscriber.scope.allowsClb(change.clbId));
    if (interested.length === 0) return;
    const found = await this.cases.findForStream(change.caseId);
    if (!found) return;
    const item = queueItemOf(found, this.clock.now());
    const id = `${item.id}@${item.changedAt}`;
    for (const subscriber of interested) subscriber.next({ type: change.kind, id, data: item });
  }
}
