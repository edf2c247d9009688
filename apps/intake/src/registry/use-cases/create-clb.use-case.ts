import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ClbRepository, type ClbView } from '../clb.repository';
import { DomainError } from '../domain-error';
import { RegistryEvents } from '../registry-events';
import { REGISTRY_MESSAGES } from '../registry.messages';
import { uniqueViolationDetail } from '../unique-violation';

export interface CreateClbCommand {
  readonly name: string;
  readonly correlationId?: string;
}

/** Registers a new CLB and announces it (CLB_REGISTERED) in the same transaction. 409 on a taken name. */
@Injectable()
export class CreateClbUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clbs: ClbRepository,
    private readonly events: RegistryEvents,
  ) {}

  async execute(command: CreateClbCommand): Promise<ClbView> {
    const taken = () =>
      DomainError.conflict(
        REGISTRY_MESSAGES.field.clbNameTaken,
        'name',
        REGISTRY_MESSAGES.field.clbNameTaken,
      );
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await this.clbs.findByName(manager, command.name)) throw taken();
        const clb = { id: randomUUID(), name: command.name };
        await this.clbs.save(manager, clb);
        await this.events.append(manager, [
          this.events.clbRegistered(clb, { correlationId: command.correlationId ?? randomUUID() }),
        ]);
        return clb;
      });
    } catch (error) {
      if (uniqueViolationDetail(error) !== null) throw taken();
      throw error;
    }
  }
}
