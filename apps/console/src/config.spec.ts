import { ConfigError } from '@meldpunt/config';
import { loadConsoleConfig } from './config';
import { UNIT_ENV } from './testing/unit-env';

describe('loadConsoleConfig', () => {
  it('defaults to port 3000, the local service ports and development cookies', () => {
    const config = loadConsoleConfig(UNIT_ENV);

    expect(config.port).toBe(3000);
    expect(config.services).toEqual([
      { service: 'intake', url: 'http://127.0.0.1:3001' },
      { service: 'risk-assessment', url: 'http://127.0.0.1:3002' },
      { service: 'communication', url: 'http://127.0.0.1:3003' },
      { service: 'scheduling', url: 'http://127.0.0.1:3004' },
    ]);
    expect(config.mailUiUrl).toBe('http://127.0.0.1:1080');
    expect(config.smsSinkUrl).toBe('http://127.0.0.1:1090');
    expect(config.webDir).toBeUndefined();
    expect(config.loggerLevels).toEqual(['error', 'warn', 'log']);
    expect(config.nodeEnv).toBe('development');
    expect(config.cookieSecure).toBe(false);
    expect(config.trustProxy).toBe(false);
    expect(config.databaseUrl).toBe(UNIT_ENV.DATABASE_URL);
  });

  it('makes cookies Secure in production unless told otherwise', () => {
    expect(loadConsoleConfig({ ...UNIT_ENV, NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(
      loadConsoleConfig({ ...UNIT_ENV, NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure,
    ).toBe(false);
    expect(loadConsoleConfig({ ...UNIT_ENV, COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });

  it('accepts the signing key as base64 of the PEM', () => {
    const base64 = Buffer.from(UNIT_ENV.AUTH_PRIVATE_KEY).toString('base64');
    expect(loadConsoleConfig({ ...UNIT_ENV, AUTH_PRIVATE_KEY: base64 }).authPrivateKey).toBe(base64);
  });

  it('takes overrides and drops trailing slashes', () => {
    const config = loadConsoleConfig({
      ...UNIT_ENV,
      PORT: '4000',
      SCHEDULING_URL: 'https://planning.example/api/',
      LOG_LEVEL: 'warn',
    });

    expect(config.port).toBe(4000);
    expect(config.services[3]).toEqual({ service: 'scheduling', url: 'https://planning.example/api' });
    expect(config.serviceUrl('scheduling')).toBe('https://planning.example/api');
    expect(config.loggerLevels).toEqual(['error', 'warn']);
  });

  it('names the missing database and signing key', () => {
    expect(() => loadConsoleConfig({})).toThrow(/DATABASE_URL: is required but not set/);
    expect(() => loadConsoleConfig({})).toThrow(/AUTH_PRIVATE_KEY: is required but not set/);
  });

  it('names every invalid variable at boot', () => {
    const attempt = () =>
      loadConsoleConfig({
        DATABASE_URL: 'mysql://db/console',
        AUTH_PRIVATE_KEY: 'not a key',
        COOKIE_SECURE: 'yes',
        INTAKE_URL: 'not a url',
        MAIL_UI_URL: 'ftp://mail',
        PORT: '0',
        WEB_DIR: '/nonexistent',
      });

    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/INTAKE_URL: must be an http\(s\) URL, e\.g\. http:\/\/127\.0\.0\.1:3001/);
    expect(attempt).toThrow(/AUTH_PRIVATE_KEY: must be an Ed25519 private key/);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.variable).sort()).toEqual([
        'AUTH_PRIVATE_KEY',
        'COOKIE_SECURE',
        'DATABASE_URL',
        'INTAKE_URL',
        'MAIL_UI_URL',
        'PORT',
        'WEB_DIR',
      ]);
    }
  });
});
