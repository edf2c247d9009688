import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Bad configuration stops a service at boot, with exit code 1 and a message naming the variable. */
const root = resolve(__dirname, '../../..');

function boot(app: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [`${root}/dist/apps/${app}/src/main.js`], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${app} kept running with bad config:\n${output}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

const good = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:9092',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/meldpunt_never_created',
  AUTH_PUBLIC_KEY:
    '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexampleexampleexampleexampleexampleexa=\n-----END PUBLIC KEY-----',
};

describe.each(['intake', 'risk-assessment', 'communication', 'scheduling'])('%s with bad config', (app) => {
  it('refuses to start without DATABASE_URL and names it', async () => {
    const { DATABASE_URL: _missing, ...env } = good;
    const { code, output } = await boot(app, env);
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL: is required but not set/);
    expect(output).not.toMatch(/listening on/);
  });

  it('names a malformed KAFKA_BROKERS', async () => {
    const { code, output } = await boot(app, { ...good, KAFKA_BROKERS: 'kafka-without-port' });
    expect(code).toBe(1);
    expect(output).toMatch(/KAFKA_BROKERS: must be a comma-separated list of host:port/);
  });
});

describe('console with bad config', () => {
  it('names a malformed service URL', async () => {
    const { code, output } = await boot('console', { INTAKE_URL: 'not a url' });
    expect(code).toBe(1);
    expect(output).toMatch(/INTAKE_URL/);
  });
});
