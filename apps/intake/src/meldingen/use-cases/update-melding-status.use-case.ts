import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { canMoveStatus, type MeldingStatus } from '../melding-status';
import { MeldingRepository } from '../melding.repository';

export interface UpdateMeldingStatusCommand {
  readonly meldingId: string;
  readonly status: MeldingStatus;
  /** When the fact happened (the event's occurredAt); now when absent. */
  readonly at?: Date;
}

export type UpdateMeldingStatusResult = 'updated' | 'unchanged' | 'not-found';

/**
 * Moves a melding forward in its lifecycle (received → being-assessed → measures-decided → letters-sent).
 * Ready for the consumers of issues 4 and 5 (case opened, decision made, letters sent): pass the inbox
 * transaction's manager. A status that is not ahead of the current one changes nothing, so redelivered or
 * out-of-order events are harmless.
 */
@Injectable()
export class UpdateMeldingStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meldingen: MeldingRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: UpdateMeldingStatusCommand,
    manager?: EntityManager,
  ): Promise<UpdateMeldingStatusResult> {
    const run = async (transaction: EntityManager): Promise<UpdateMeldingStatusResult> => {
      const melding = await this.meldingen.lockById(transaction, command.meldingId);
      if (!melding) return 'not-found';
      if (!canMoveStatus(melding.status, command.status)) return 'unchanged';
      await this.meldingen.updateStatus(
        transaction,
        melding.id,
        command.status,
        command.at ?? this.clock.now(),
      );
      return 'updated';
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}
