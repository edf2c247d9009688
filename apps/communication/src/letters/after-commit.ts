import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';

type Work = () => Promise<void> | void;

/**
 * Runs work after the transaction of `manager` commits (and drops it on rollback): letters are queued in BullMQ
 * only once their rows are visible to the workers. Outside a transaction the work runs at once. Hooks TypeORM's
 * afterTransactionCommit subscriber event.
 */
@Injectable()
export class AfterCommit implements OnModuleInit, EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Work[]>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  run(manager: EntityManager, work: Work): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      void Promise.resolve()
        .then(work)
        .catch(() => undefined);
      return;
    }
    const list = this.pending.get(runner) ?? [];
    list.push(work);
    this.pending.set(runner, list);
  }

  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    // A savepoint released inside the transaction broadcasts too: wait for the outermost commit.
    if (event.queryRunner.isTransactionActive) return;
    const list = this.pending.get(event.queryRunner);
    if (!list) return;
    this.pending.delete(event.queryRunner);
    for (const work of list)
      void Promise.resolve()
        .then(work)
        .catch(() => undefined);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    this.pending.delete(event.queryRunner);
  }
}
