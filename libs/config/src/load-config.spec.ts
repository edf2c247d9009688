import { ConfigError } from './config-error';
import { loadServiceConfig } from './service-config';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/meldpunt_intake',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
  AUTH_PUBLIC_KEY:
    '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexampleexampleexampleexampleexampleexa=\n-----END PUBLIC KEY-----',
};

describe('loadServiceConfig', () => {
  it('parses a valid environment and applies the service default port', () => {
    const config = loadServiceConfig('intake', 3001, valid);
    expect(config.port).toBe(3001);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.consumerGroup).toBe('intake');
  });

  it('lets PORT override the default', () => {
    expect(loadServiceConfig('intake', 3001, { ...valid, PORT: '4100' }).port).toBe(4100);
  });

  it('names a missing DATABASE_URL', () => {
    const { DATABASE_URL: _omitted, ...env } = valid;
    expect(() => loadServiceConfig('intake', 3001, env)).toThrow(/DATABASE_URL: is required but not set/);
  });

  it('treats an empty variable as missing', () => {
    expect(() => loadServiceConfig('intake', 3001, { ...valid, REDIS_URL: ' ' })).toThrow(
      /REDIS_URL: is required/,
    );
  });

  it('reports every bad variable at once', () => {
    const attempt = () =>
      loadServiceConfig('intake', 3001, {
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: 'nohost',
        PORT: '99999',
      });
    expect(attempt).toThrow(ConfigError);
    const error = (() => {
      try {
        attempt();
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('no ConfigError');
    })();
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual([
      'AUTH_PUBLIC_KEY',
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'PORT',
      'REDIS_URL',
    ]);
  });
});
