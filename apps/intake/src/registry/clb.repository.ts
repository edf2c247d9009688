import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { TenancyScope } from '@meldpunt/auth';
import { Clb } from './clb.entity';

export interface ClbView {
  readonly id: string;
  readonly name: string;
}

/** The registry's CLBs; tenant reads take the caller's scope (admins see all, CLB users their own CLBs). */
@Injectable()
export class ClbRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listInScope(scope: TenancyScope): Promise<ClbView[]> {
    const repository = this.dataSource.getRepository(Clb);
    const clbs =
      scope.clbIds === null
        ? await repository.find({ order: { name: 'ASC' } })
        : await repository.find({ where: { id: In([...scope.clbIds]) }, order: { name: 'ASC' } });
    return clbs.map((clb) => ({ id: clb.id, name: clb.name }));
  }

  async findByName(manager: EntityManager, name: string): Promise<Clb | null> {
    return manager.getRepository(Clb).findOneBy({ name });
  }

  /** Which of these ids exist. */
  async existing(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.getRepository(Clb).find({ select: { id: true }, where: { id: In([...ids]) } });
    return new Set(rows.map((row) => row.id));
  }

  async save(manager: EntityManager, clb: ClbView): Promise<void> {
    const repository = manager.getRepository(Clb);
    await repository.save(repository.create({ id: clb.id, name: clb.name }));
  }
}
