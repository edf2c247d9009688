import { Clock } from '../../clock';
import { loadConsoleConfig } from '../../config';
import { UNIT_ENV } from '../../testing/unit-env';
import type { HttpProbe, ProbeResponse } from '../http-probe';
import { GetPlatformStatusUseCase, PROBE_TIMEOUT_MS } from './get-platform-status.use-case';

const healthy: ProbeResponse = {
  httpStatus: 200,
  body: {
    status: 'ok',
    info: { database: { status: 'up' } },
    error: {},
    details: { database: { status: 'up' } },
  },
};
const unhealthy: ProbeResponse = {
  httpStatus: 503,
  body: {
    status: 'error',
    info: {},
    error: { redis: { status: 'down', message: 'connect ECONNREFUSED' } },
    details: { redis: { status: 'down', message: 'connect ECONNREFUSED' } },
  },
};

/** Answers by URL; a URL mapped to 'hang' never answers, one mapped to an Error rejects with it. */
class FakeHttpProbe implements Pick<HttpProbe, 'get'> {
  readonly requested: string[] = [];
  constructor(private readonly answers: Record<string, ProbeResponse | Error | 'hang'>) {}

  async get(url: string, _signal: AbortSignal): Promise<ProbeResponse> {
    this.requested.push(url);
    const answer = this.answers[url];
    if (answer === undefined) throw new Error(`unexpected probe of ${url}`);
    if (answer === 'hang') return new Promise<never>(() => undefined);
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

class FakeClock implements Clock {
  now(): Date {
    return new Date(Date.now());
  }
  monotonicMs(): number {
    return Date.now();
  }
}

const config = loadConsoleConfig({
  ...UNIT_ENV,
  INTAKE_URL: 'http://intake.test',
  RISK_ASSESSMENT_URL: 'http://risk.test/',
  COMMUNICATION_URL: 'http://communication.test',
  SCHEDULING_URL: 'http://scheduling.test',
  MAIL_UI_URL: 'http://mail.test',
  SMS_SINK_URL: 'http://sms.test',
});

function useCase(answers: Record<string, ProbeResponse | Error | 'hang'>) {
  const probe = new FakeHttpProbe(answers);
  return { probe, getStatus: new GetPlatformStatusUseCase(config, probe, new FakeClock()) };
}

describe('GetPlatformStatusUseCase', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-03-29T00:59:59.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('reports the platform up when every service is healthy', async () => {
    const { probe, getStatus } = useCase({
      'http://intake.test/health': healthy,
      'http://risk.test/health': healthy,
      'http://communication.test/health': healthy,
      'http://scheduling.test/health': healthy,
    });

    const status = await getStatus.execute();

    expect(status.status).toBe('up');
    expect(status.checkedAt.toISOString()).toBe('2026-03-29T00:59:59.000Z');
    expect(status.links).toEqual({ mailUi: 'http://mail.test', smsSink: 'http://sms.test' });
    expect(status.services.map((service) => service.service)).toEqual([
      'intake',
      'risk-assessment',
      'communication',
      'scheduling',
    ]);
    expect(status.services[1]).toEqual({
      service: 'risk-assessment',
      url: 'http://risk.test',
      docsUrl: 'http://risk.test/docs',
      status: 'up',
      httpStatus: 200,
      checks: { database: { status: 'up' } },
      failure: null,
      latencyMs: 0,
    });
    expect(probe.requested).toHaveLength(4);
  });

  it('reports the platform down when one service answers 503, with its terminus details', async () => {
    const { getStatus } = useCase({
      'http://intake.test/health': healthy,
      'http://risk.test/health': healthy,
      'http://communication.test/health': healthy,
      'http://scheduling.test/health': unhealthy,
    });

    const status = await getStatus.execute();

    expect(status.status).toBe('down');
    expect(status.services.filter((service) => service.status === 'up')).toHaveLength(3);
    expect(status.services[3]).toMatchObject({
      service: 'scheduling',
      status: 'down',
      httpStatus: 503,
      failure: 'unhealthy',
      checks: { redis: { status: 'down', message: 'connect ECONNREFUSED' } },
    });
  });

  it('reports a service down as unreachable when the connection fails', async () => {
    const { getStatus } = useCase({
      'http://intake.test/health': new TypeError('fetch failed'),
      'http://risk.test/health': healthy,
      'http://communication.test/health': healthy,
      'http://scheduling.test/health': healthy,
    });

    const status = await getStatus.execute();

    expect(status.status).toBe('down');
    expect(status.services[0]).toMatchObject({
      status: 'down',
      httpStatus: null,
      checks: null,
      failure: 'unreachable',
    });
  });

  it('calls a service down after the 2 s timeout, in parallel with the others', async () => {
    const { probe, getStatus } = useCase({
      'http://intake.test/health': healthy,
      'http://risk.test/health': healthy,
      'http://communication.test/health': 'hang',
      'http://scheduling.test/health': 'hang',
    });

    let settled = false;
    const pending = getStatus.execute().finally(() => (settled = true));
    await jest.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    expect(probe.requested).toHaveLength(4);
    await jest.advanceTimersByTimeAsync(1);
    const status = await pending;

    expect(PROBE_TIMEOUT_MS).toBe(2_000);
    expect(status.status).toBe('down');
    expect(status.services[0]).toMatchObject({ status: 'up', latencyMs: 0 });
    for (const service of status.services.slice(2)) {
      expect(service).toMatchObject({
        status: 'down',
        httpStatus: null,
        failure: 'timeout',
        latencyMs: 2_000,
      });
    }
  });

  it('treats a non-terminus answer as having no checks', async () => {
    const { getStatus } = useCase({
      'http://intake.test/health': { httpStatus: 404, body: null },
      'http://risk.test/health': {
        httpStatus: 200,
        body: { status: 'ok', details: ['not', 'an', 'object'] },
      },
      'http://communication.test/health': healthy,
      'http://scheduling.test/health': healthy,
    });

    const status = await getStatus.execute();

    expect(status.services[0]).toMatchObject({
      status: 'down',
      httpStatus: 404,
      checks: null,
      failure: 'unhealthy',
    });
    expect(status.services[1]).toMatchObject({ status: 'up', checks: null });
  });
});
