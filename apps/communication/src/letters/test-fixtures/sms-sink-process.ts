import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from '@meldpunt/testing';

export interface SunkSms {
  readonly id: string;
  readonly to: string;
  readonly body: string;
  readonly reference: string | null;
  readonly segments: number;
  readonly encoding: string;
  /** `queued`, then what its delivery report said (`delivered`, `bounced`, `failed`) once communication took it. */
  readonly status: string;
}

export interface SmsSinkOptions {
  /** Listen here (pick one with freePort() when the app must know the URL before the sink starts). */
  readonly port?: number;
  /** Post signed delivery reports here (communication's /v1/providers/sms/reports). */
  readonly reportUrl?: string;
  readonly reportSecret?: string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

/** The development SMS sink (infra/sinks/sms-sink.mjs) as a child process on a free port, for tests. */
export class SmsSinkProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(root = process.cwd(), options: SmsSinkOptions = {}): Promise<SmsSinkProcess> {
    const port = options.port ?? (await freePort());
    const child = spawn(process.execPath, [join(root, 'infra', 'sinks', 'sms-sink.mjs')], {
      env: {
        SMS_SINK_PORT: String(port),
        SMS_SINK_HOST: '127.0.0.1',
        ...(options.reportUrl
          ? { SMS_REPORT_WEBHOOK_URL: options.reportUrl, SMS_REPORT_DELAY_MS: '100' }
          : {}),
        ...(options.reportSecret ? { SMS_REPORT_WEBHOOK_SECRET: options.reportSecret } : {}),
      },
      stdio: 'ignore',
    });
    const sink = new SmsSinkProcess(child, `http://127.0.0.1:${port}`);
    await waitFor(
      async () => {
        try {
          return (await fetch(`${sink.url}/health`)).ok;
        } catch {
          return false;
        }
      },
      { timeoutMs: 10_000, description: 'the SMS sink to listen' },
    );
    return sink;
  }

  async messages(): Promise<SunkSms[]> {
    return (await (await fetch(`${this.url}/messages`)).json()) as SunkSms[];
  }

  /** From now on the delivery reports for this number say `status` (the sink's test hook). */
  async reportFor(to: string, status: 'delivered' | 'bounced' | 'failed', reason?: string): Promise<void> {
    const response = await fetch(`${this.url}/outcomes/${encodeURIComponent(to)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status, ...(reason ? { reason } : {}) }),
    });
    if (response.status !== 204) throw new Error(`SMS sink refused the outcome: ${response.status}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await exited;
  }
}
