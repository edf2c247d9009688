import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { StoredIdempotentResponse } from './idempotency';
import type { MeldingAcceptedBody } from './melding-input';
import { MeldingIdempotencyKey } from './melding-idempotency-key.entity';

export interface IdempotentMeldingResponse {
  readonly outcome: 'accepted' | 'merged';
  readonly body: MeldingAcceptedBody;
}

/** Responses remembered per (caller, Idempotency-Key). */
@Injectable()
export class MeldingIdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** With `manager`: inside its transaction (after locking the key); without: a plain read. */
  async find(
    caller: string,
    key: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredIdempotentResponse<IdempotentMeldingResponse> | null> {
    const row = await manager.getRepository(MeldingIdempotencyKey).findOneBy({ caller, key });
    return row
      ? {
          fingerprint: row.fingerprint,
          createdAt: row.createdAt,
          response: { outcome: row.outcome, body: row.response },
        }
      : null;
  }

  /** Stores (or, once expired, replaces) the response to (caller, key). */
  async save(manager: EntityManager, record: MeldingIdempotencyKey): Promise<void> {
    await manager
      .getRepository(MeldingIdempotencyKey)
      .upsert(record, { conflictPaths: ['caller', 'key'], skipUpdateIfNoValuesChanged: false });
  }
}
