import { dropDatabase, ensureDatabase } from '@meldpunt/persistence';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { testInfraEnv, type TestInfraEnv } from './env';
import { EventWatcher } from './event-watcher';
import { FixtureProcess } from './fixture-process';
import { checkKafka, checkPostgres, checkRedis } from './infra-check';
import { lettersOf, newRunId } from './run-id';
import { buildTestRegistry, type TestRegistry, type TestTopicSpec } from './test-registry';
import { waitFor } from './wait-for';

export interface HarnessOptions {
  /** Which infrastructure this test needs; each is checked at start with a clear message. All unless told. */
  readonly kafka?: boolean;
  readonly postgres?: boolean;
  readonly redis?: boolean;
  /** kafkajs log level of the harness client; ERROR unless told. */
  readonly kafkaLogLevel?: logLevel;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Attaches a test file to the real infrastructure with names unique to this run, and removes what it created
 * in cleanup(): `beforeAll(() => harness = await TestHarness.start())`, `afterAll(() => harness.cleanup())`.
 */
export class TestHarness {
  /** Lowercase letters only; part of every name this harness creates. */
  readonly runId: string;
  readonly env: TestInfraEnv;
  private readonly databases: string[] = [];
  private readonly watchers: EventWatcher[] = [];
  private readonly fixtures: FixtureProcess[] = [];
  private readonly cleanups: Array<() => Promise<void>> = [];
  private counter = 0;
  private kafkaClient: Kafka | null = null;

  private constructor(
    env: TestInfraEnv,
    private readonly options: HarnessOptions,
  ) {
    this.env = env;
    this.runId = newRunId();
  }

  static async start(options: HarnessOptions = {}): Promise<TestHarness> {
    const env = testInfraEnv(options.env);
    const checks: Promise<void>[] = [];
    if (options.kafka ?? true) checks.push(checkKafka(env.kafkaBrokers));
    if (options.postgres ?? true) checks.push(checkPostgres(env.databaseAdminUrl));
    if (options.redis ?? true) checks.push(checkRedis(env.redisUrl));
    const results = await Promise.allSettled(checks);
    const failures = results.flatMap((result) =>
      result.status === 'rejected' ? [String((result.reason as Error).message)] : [],
    );
    if (failures.length > 0) throw new Error(failures.join('\n'));
    return new TestHarness(env, options);
  }

  /** A kafkajs client for this run (created on first use). */
  get kafka(): Kafka {
    this.kafkaClient ??= new Kafka({
      clientId: `meldpunt-test-${this.runId}`,
      brokers: this.env.kafkaBrokers,
      logLevel: this.options.kafkaLogLevel ?? logLevel.ERROR,
    });
    return this.kafkaClient;
  }

  /** `label` made unique for this run: `<label>-<runId><n>` (lowercase letters, digits, `-`, `_`, `.`). */
  unique(label: string): string {
    return `${label}-${this.runId}${lettersOf(this.counter++)}`;
  }

  /**
   * A unique topic name that is still a valid event type: the run id goes into the first segment,
   * `test.item.created.v1` → `test-<runId><n>.item.created.v1`.
   */
  uniqueTopic(name: string): string {
    const dot = name.indexOf('.');
    return dot < 0 ? this.unique(name) : `${this.unique(name.slice(0, dot))}${name.slice(dot)}`;
  }

  /** A unique consumer group name (its `.retry`/`.dlq` topics inherit the uniqueness). */
  uniqueGroup(label: string): string {
    return this.unique(`g-${label}`);
  }

  /** Creates a throwaway database now (`meldpunt_t_<runId>_<label>`) and returns its URL; dropped in cleanup(). */
  async createTestDatabase(label: string): Promise<string> {
    const clean = label.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const name = `meldpunt_t_${this.runId}_${clean}_${lettersOf(this.counter++)}`.slice(0, 63);
    const url = new URL(this.env.databaseAdminUrl);
    url.pathname = `/${name}`;
    const text = url.toString();
    await ensureDatabase(text);
    this.databases.push(text);
    return text;
  }

  /** Creates topics with unique names (see uniqueTopic) and returns the names, in order. */
  async createTopics(names: readonly string[], partitions = 3): Promise<string[]> {
    const topics = names.map((name) => this.uniqueTopic(name));
    // Not kafkajs' waitForLeaders: on a fresh broker it gives up on UNKNOWN_TOPIC_OR_PARTITION; this waits.
    await this.withAdmin(async (admin) => {
      await admin.createTopics({
        topics: topics.map((topic) => ({ topic, numPartitions: partitions })),
        waitForLeaders: false,
      });
      await waitFor(
        async () => {
          const { topics: found } = await admin.fetchTopicMetadata({ topics });
          return found.every((topic) => topic.partitions.every((partition) => partition.leader >= 0));
        },
        { timeoutMs: 30_000, description: `leaders of ${topics.join(', ')}` },
      );
    });
    return topics;
  }

  /** A contract registry of throwaway topics with unique names (topics not created: see createRegistryTopics). */
  registry<K extends string>(specs: Readonly<Record<K, TestTopicSpec>>): TestRegistry<K> {
    return buildTestRegistry(specs, (name) => this.uniqueTopic(name));
  }

  /** Starts watching topics from now; stopped in cleanup(). */
  async watch(topics: string | readonly string[]): Promise<EventWatcher> {
    const watcher = await EventWatcher.start(this.kafka, topics, `test-watch-${this.runId}`);
    this.watchers.push(watcher);
    return watcher;
  }

  /** Starts a TypeScript fixture in a child process; killed in cleanup() if still running. */
  startFixture(script: string, input: unknown, env?: Readonly<Record<string, string>>): FixtureProcess {
    const fixture = FixtureProcess.start(script, input, env);
    this.fixtures.push(fixture);
    return fixture;
  }

  /** Registers clean-up work (run first, newest first, before the harness's own clean-up). */
  onCleanup(work: () => Promise<void>): void {
    this.cleanups.push(work);
  }

  async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Stops fixtures and watchers, runs registered clean-ups, drops the databases and deletes every topic and
   * consumer group whose name contains the run id. Reports all failures together.
   */
  async cleanup(): Promise<void> {
    const errors: unknown[] = [];
    const attempt = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        errors.push(error);
      }
    };
    await Promise.all(this.fixtures.map((fixture) => attempt(() => fixture.kill())));
    await Promise.all(this.watchers.map((watcher) => attempt(() => watcher.stop())));
    for (const work of [...this.cleanups].reverse()) await attempt(work);
    for (const url of this.databases) await attempt(() => dropDatabase(url));
    if (this.kafkaClient) {
      await attempt(() =>
        this.withAdmin(async (admin) => {
          const topics = (await admin.listTopics()).filter((topic) => topic.includes(this.runId));
          if (topics.length > 0) await admin.deleteTopics({ topics });
          const { groups } = await admin.listGroups();
          const mine = groups.map((group) => group.groupId).filter((id) => id.includes(this.runId));
          if (mine.length > 0) await admin.deleteGroups(mine).catch(() => undefined);
        }),
      );
    }
    if (errors.length > 0) {
      throw new Error(
        `Test clean-up failed:\n${errors.map((error) => (error instanceof Error ? error.message : String(error))).join('\n')}`,
      );
    }
  }
}
