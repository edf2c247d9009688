import { Injectable } from '@nestjs/common';
import { Clock } from '../../clock';
import { ConsoleConfig } from '../../config';
import { HttpProbe, type ProbeResponse } from '../http-probe';
import type { PlatformService, ServiceId } from '../platform-service';

/** How long one service's /health may take before the console calls it down. */
export const PROBE_TIMEOUT_MS = 2_000;

export type Availability = 'up' | 'down';

/** Why a service is down: no answer in time, no connection, or an answer other than 2xx (terminus: 503). */
export type ProbeFailure = 'timeout' | 'unreachable' | 'unhealthy';

/** Terminus `details`: one entry per health indicator, e.g. `{ database: { status: 'up' } }`. */
export type HealthChecks = Readonly<Record<string, unknown>>;

export interface ServiceStatus {
  readonly service: ServiceId;
  readonly url: string;
  readonly docsUrl: string;
  readonly status: Availability;
  /** null when no HTTP answer arrived. */
  readonly httpStatus: number | null;
  readonly checks: HealthChecks | null;
  readonly failure: ProbeFailure | null;
  readonly latencyMs: number;
}

export interface PlatformStatus {
  /** 'up' only when every service is up. */
  readonly status: Availability;
  readonly checkedAt: Date;
  readonly services: readonly ServiceStatus[];
  readonly links: { readonly mailUi: string; readonly smsSink: string };
}

class ProbeTimeoutError extends Error {
  constructor() {
    super(`no answer within ${PROBE_TIMEOUT_MS} ms`);
    this.name = 'ProbeTimeoutError';
  }
}

/** Asks every service's terminus `/health` in parallel and sums up the platform's health. Never throws. */
@Injectable()
export class GetPlatformStatusUseCase {
  constructor(
    private readonly config: ConsoleConfig,
    private readonly probe: HttpProbe,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<PlatformStatus> {
    const checkedAt = this.clock.now();
    const services = await Promise.all(this.config.services.map((service) => this.check(service)));
    return {
      status: services.every((service) => service.status === 'up') ? 'up' : 'down',
      checkedAt,
      services,
      links: { mailUi: this.config.mailUiUrl, smsSink: this.config.smsSinkUrl },
    };
  }

  private async check({ service, url }: PlatformService): Promise<ServiceStatus> {
    const known = { service, url, docsUrl: `${url}/docs` };
    const started = this.clock.monotonicMs();
    const elapsed = () => Math.max(0, Math.round(this.clock.monotonicMs() - started));
    try {
      const { httpStatus, body } = await this.withTimeout((signal) =>
        this.probe.get(`${url}/health`, signal),
      );
      const up = httpStatus >= 200 && httpStatus < 300;
      return {
        ...known,
        status: up ? 'up' : 'down',
        httpStatus,
        checks: terminusDetails(body),
        failure: up ? null : 'unhealthy',
        latencyMs: elapsed(),
      };
    } catch (error: unknown) {
      const failure = error instanceof ProbeTimeoutError ? 'timeout' : 'unreachable';
      return { ...known, status: 'down', httpStatus: null, checks: null, failure, latencyMs: elapsed() };
    }
  }

  /** Runs the probe with an abort signal and gives up after PROBE_TIMEOUT_MS even if the probe ignores it. */
  private async withTimeout(run: (signal: AbortSignal) => Promise<ProbeResponse>): Promise<ProbeResponse> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new ProbeTimeoutError();
        controller.abort(error);
        reject(error);
      }, PROBE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([run(controller.signal), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The `details` object of a terminus health response, or null when the body is not one. */
function terminusDetails(body: unknown): HealthChecks | null {
  if (typeof body !== 'object' || body === null || !('details' in body)) return null;
  const { details } = body;
  return typeof details === 'object' && details !== null && !Array.isArray(details)
    ? (details as HealthChecks)
    : null;
}
