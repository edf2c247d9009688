import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ProcessSpec } from './stack';

interface Running {
  readonly spec: ProcessSpec;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

export type Output = (line: string) => void;

/** Starts, watches and stops the processes of the local stack; prefixes their output with their name. */
export class Supervisor {
  private readonly running: Running[] = [];
  private stopping = false;

  constructor(
    private readonly output: Output,
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
  ) {}

  start(spec: ProcessSpec): void {
    const child = spawn(spec.command, [...spec.args], {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream)
        createInterface({ input: stream }).on('line', (line) => this.output(`[${spec.name}] ${line}`));
    }
    const exited = new Promise<number | null>((resolve) => {
      child.on('exit', (code, signal) => {
        if (!this.stopping) this.onUnexpectedExit(spec.name, code ?? (signal ? 128 : null));
        resolve(code);
      });
      child.on('error', (error) => {
        this.output(`[${spec.name}] could not start: ${error.message}`);
        resolve(1);
      });
    });
    this.running.push({ spec, child, exited });
  }

  /** Polls every process's ready URL until all answer 200, or throws naming the ones that did not. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const pending = new Set(this.running.map((r) => r.spec));
    while (pending.size > 0) {
      if (this.stopping) throw new Error('stopped while starting');
      await Promise.all(
        [...pending].map(async (spec) => {
          if (await answers200(spec.readyUrl)) pending.delete(spec);
        }),
      );
      if (pending.size === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `not ready after ${timeoutMs / 1000} s: ${[...pending].map((s) => s.name).join(', ')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** SIGTERM to every process, SIGKILL to those still running after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    for (const { child } of this.running) if (child.exitCode === null) child.kill('SIGTERM');
    const all = Promise.all(this.running.map((r) => r.exited));
    const timer = setTimeout(() => {
      for (const { spec, child } of this.running) {
        if (child.exitCode === null && child.signalCode === null) {
          this.output(`[${spec.name}] did not stop within ${graceMs / 1000} s; killing it`);
          child.kill('SIGKILL');
        }
      }
    }, graceMs);
    await all;
    clearTimeout(timer);
  }
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Runs a command to completion, streaming its output; rejects on a non-zero exit. */
export function runToCompletion(
  spec: Omit<ProcessSpec, 'readyUrl' | 'links'>,
  output: Output,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.command, [...spec.args], {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => output(`[${spec.name}] ${line}`));
    }
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${spec.name} exited with code ${String(code)}`)),
    );
  });
}
