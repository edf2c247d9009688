import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** docker-compose.yml is the production-like deployment: it must stay valid and complete. */
const root = resolve(__dirname, '../../..');

interface ComposeService {
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  environment?: Record<string, string>;
}

describe('docker-compose.yml', () => {
  it('passes `docker compose config -q`', () => {
    expect(() =>
      execFileSync('docker', ['compose', 'config', '-q'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('runs every app and the infrastructure with healthchecks, apps waiting for healthy dependencies', () => {
    const config = JSON.parse(
      execFileSync('docker', ['compose', 'config', '--format', 'json'], { cwd: root, encoding: 'utf8' }),
    ) as { services: Record<string, ComposeService> };
    const services = config.services;
    for (const name of [
      'kafka',
      'postgres',
      'redis',
      'mailpit',
      'intake',
      'risk-assessment',
      'communication',
      'scheduling',
      'console',
    ]) {
      expect(services[name]?.healthcheck).toBeDefined();
    }
    for (const app of ['intake', 'risk-assessment', 'communication', 'scheduling']) {
      const dependsOn = services[app]?.depends_on ?? {};
      for (const dependency of ['kafka', 'postgres', 'redis']) {
        expect(dependsOn[dependency]?.condition).toBe('service_healthy');
      }
      expect(services[app]?.environment?.DATABASE_URL).toMatch(
        new RegExp(`/meldpunt_${app.replace(/-/g, '_')}$`),
      );
    }
  });
});
