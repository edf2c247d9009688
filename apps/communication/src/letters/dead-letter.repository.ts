import { Injectable } from '@nestjs/common';
import { type TenancyScope } from '@meldpunt/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { LetterDeadLetter, type DeadLetterStatus } from './dead-letter.entity';

export interface DeadLetterPage {
  readonly items: LetterDeadLetter[];
  readonly total: number;
}

/** The dead-letter list. Every read takes the caller's scope: a CLB sees its own letters only. */
@Injectable()
export class DeadLetterRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, deadLetter: Omit<LetterDeadLetter, 'createdAt'>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(LetterDeadLetter)
      .values(deadLetter)
      .orIgnore()
      .execute();
  }

  async list(
    scope: TenancyScope,
    filter: { statuses: readonly DeadLetterStatus[]; limit: number; offset: number },
  ): Promise<DeadLetterPage> {
    const query = this.dataSource
      .getRepository(LetterDeadLetter)
      .createQueryBuilder('dead')
      .where('dead.status IN (:...statuses)', { statuses: filter.statuses });
    if (scope.clbIds !== null) query.andWhere('dead.clb_id = ANY(:clbIds)', { clbIds: [...scope.clbIds] });
    const [items, total] = await query
      .orderBy('dead.created_at', 'DESC')
      .addOrderBy('dead.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Locks one dead letter inside the caller's scope; null when unknown or another CLB's. */
  async lockInScope(
    manager: EntityManager,
    scope: TenancyScope,
    id: string,
  ): Promise<LetterDeadLetter | null> {
    const found = await manager
      .getRepository(LetterDeadLetter)
      .createQueryBuilder('dead')
      .setLock('pessimistic_write')
      .where('dead.id = :id', { id })
      .getOne();
    if (!found || !scope.allowsClb(found.clbId)) return null;
    return found;
  }

  async save(manager: EntityManager, deadLetter: LetterDeadLetter): Promise<void> {
    await manager.getRepository(LetterDeadLetter).save(deadLetter);
  }
}
