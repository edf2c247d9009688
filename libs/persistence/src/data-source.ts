import { DataSource, type MixedList, type EntitySchema } from 'typeorm';

type EntityList = MixedList<string | (new () => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new () => unknown)>;

export interface DataSourceSettings {
  readonly url: string;
  readonly entities: EntityList;
  readonly migrations: MigrationList;
  readonly poolSize?: number;
  /** Identifies connections in pg_stat_activity. */
  readonly applicationName: string;
}

/** The one way a service builds its TypeORM data source: explicit migrations, never `synchronize`. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: settings.applicationName,
    poolSize: settings.poolSize ?? 10,
    extra: { connectionTimeoutMillis: 5_000 },
  });
}
