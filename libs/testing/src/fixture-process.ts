import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The require hook that lets `node` run TypeScript (see swc-register.js). */
export const SWC_REGISTER = join(__dirname, 'swc-register.js');

export interface FixtureExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A TypeScript script run in a child Node process (so a test can crash or SIGKILL it for real). The script gets
 * `input` as JSON in argv[2] and may report with `process.send(message)`. Its stdout/stderr are kept (see
 * `output`) and echoed when FIXTURE_OUTPUT=1.
 */
export class FixtureProcess {
  readonly messages: unknown[] = [];
  readonly exited: Promise<FixtureExit>;
  private readonly chunks: string[] = [];
  private readonly listeners = new Set<() => void>();
  private exit: FixtureExit | null = null;

  private constructor(
    readonly script: string,
    private readonly child: ChildProcess,
  ) {
    const echo = process.env['FIXTURE_OUTPUT'] === '1';
    const keep = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.chunks.push(text);
      if (echo) process.stderr.write(`[fixture ${child.pid}] ${text}`);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message: unknown) => {
      this.messages.push(message);
      for (const listener of this.listeners) listener();
    });
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        for (const listener of this.listeners) listener();
        resolve(this.exit);
      });
    });
  }

  static start(script: string, input: unknown, env: Readonly<Record<string, string>> = {}): FixtureProcess {
    const child = fork(script, [JSON.stringify(input)], {
      execArgv: ['--require', SWC_REGISTER],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, TZ: 'UTC', ...env },
    });
    return new FixtureProcess(script, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === null;
  }

  /** Everything the child wrote to stdout and stderr so far. */
  output(): string {
    return this.chunks.join('');
  }

  /** Resolves with the first IPC message matching; rejects on timeout or when the child exits first. */
  waitForMessage<T = unknown>(predicate: (message: unknown) => boolean, timeoutMs = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(predicate);
        if (found !== undefined) {
          done();
          resolve(found as T);
        } else if (this.exit) {
          done();
          reject(
            new Error(
              `${this.describe()} exited (${JSON.stringify(this.exit)}) before the awaited message.\n${this.output()}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.describe()}: no awaited message within ${timeoutMs} ms.\n${this.output()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Sends a signal (SIGKILL: no clean-up at all in the child) and waits for the exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<FixtureExit> {
    if (this.exit) return this.exit;
    this.child.kill(signal);
    return this.exited;
  }

  /** Waits for the exit; kills the child when it takes longer than `timeoutMs`. */
  async waitForExit(timeoutMs = 20_000): Promise<FixtureExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      await this.kill();
      throw new Error(`${this.describe()} did not exit within ${timeoutMs} ms (killed).\n${this.output()}`);
    }
    return result;
  }

  private describe(): string {
    return `fixture ${this.script} (pid ${this.child.pid ?? '?'})`;
  }
}
