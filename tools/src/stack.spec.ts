import { databaseUrl, loadStackEnv, serviceEnv, stackProcesses } from './stack';

const keys = {
  auth: { privateKey: 'private-pem', publicKey: 'public-pem' },
  seal: { keyId: 'k1', publicKey: 'seal-public', secretKey: 'seal-secret' },
  credentials: 'credentials-key',
  contacts: 'contacts-key',
};

describe('local stack settings', () => {
  it('gives every service its own database and default port', () => {
    const env = loadStackEnv({});
    expect(databaseUrl(env, 'risk-assessment')).toBe(
      'postgres://postgres@127.0.0.1:5432/meldpunt_risk_assessment',
    );
    expect(serviceEnv(env, 'scheduling', keys).PORT).toBe('3004');
    expect(serviceEnv(env, 'intake', keys).KAFKA_BROKERS).toBe('127.0.0.1:9092');
  });

  it('lets every port and the database prefix be overridden', () => {
    const env = loadStackEnv({ INTAKE_PORT: '4001', DATABASE_PREFIX: 'meldpunt_e2e_', CONSOLE_PORT: '4000' });
    expect(serviceEnv(env, 'intake', keys).PORT).toBe('4001');
    expect(databaseUrl(env, 'intake')).toMatch(/\/meldpunt_e2e_intake$/);
    const consoleSpec = stackProcesses(env, '/repo', keys).find((spec) => spec.name === 'console');
    expect(consoleSpec?.env.INTAKE_URL).toBe('http://127.0.0.1:4001');
    expect(consoleSpec?.readyUrl).toBe('http://127.0.0.1:4000/health');
    expect(consoleSpec?.env.AUTH_PRIVATE_KEY).toBe('private-pem');
    expect(serviceEnv(env, 'intake', keys).AUTH_PUBLIC_KEY).toBe('public-pem');
    expect(serviceEnv(env, 'intake', keys).COMMUNICATION_SEAL_PUBLIC_KEY).toBe('seal-public');
    expect(Object.values(serviceEnv(env, 'intake', keys))).not.toContain('seal-secret');
    expect(serviceEnv(env, 'communication', keys).COMMUNICATION_SEAL_SECRET_KEY).toBe('seal-secret');
    expect(serviceEnv(env, 'communication', keys).CONTACTS_ENCRYPTION_KEY).toBe('contacts-key');
    expect(Object.values(serviceEnv(env, 'risk-assessment', keys))).not.toContain('seal-secret');
  });

  it('keeps the queues of two stacks on one Redis apart', () => {
    const dev = serviceEnv(loadStackEnv({}), 'intake', keys).QUEUE_PREFIX;
    const test = serviceEnv(loadStackEnv({ DATABASE_PREFIX: 'meldpunt_e2e_' }), 'intake', keys).QUEUE_PREFIX;
    expect(dev).toBe('bull-meldpunt');
    expect(test).toBe('bull-meldpunt_e2e');
    expect(serviceEnv(loadStackEnv({ QUEUE_PREFIX: 'q1' }), 'scheduling', keys).QUEUE_PREFIX).toBe('q1');
  });

  it('rejects a bad port by name', () => {
    expect(() => loadStackEnv({ SCHEDULING_PORT: 'x' })).toThrow(/SCHEDULING_PORT/);
  });
});
