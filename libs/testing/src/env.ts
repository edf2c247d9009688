/** Where the test infrastructure lives; each value can be overridden by the variable of the same name. */
export interface TestInfraEnv {
  readonly kafkaBrokers: string[];
  /** A database the harness connects to for CREATE/DROP DATABASE. */
  readonly databaseAdminUrl: string;
  readonly redisUrl: string;
}

export function testInfraEnv(env: Readonly<Record<string, string | undefined>> = process.env): TestInfraEnv {
  const value = (name: string, fallback: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : fallback;
  };
  return {
    kafkaBrokers: value('KAFKA_BROKERS', '127.0.0.1:9092').split(','),
    databaseAdminUrl: value('DATABASE_ADMIN_URL', 'postgres://postgres@127.0.0.1:5432/postgres'),
    redisUrl: value('REDIS_URL', 'redis://127.0.0.1:6379'),
  };
}
