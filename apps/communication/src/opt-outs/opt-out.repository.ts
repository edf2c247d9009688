import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SmsNumberHasher } from './sms-number-hasher';

/** SMS opt-outs by keyed number hash. Only campaigns ask it; decided measures are sent regardless. */
@Injectable()
export class OptOutRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: SmsNumberHasher,
  ) {}

  /** Records STOP (true) or START (false) unless a later SMS of the same number was recorded already. */
  async record(
    manager: EntityManager,
    number: string,
    optedOut: boolean,
    receivedAt: Date,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO sms_opt_out (number_hash, opted_out, received_at) VALUES ($1, $2, $3)
       ON CONFLICT (number_hash) DO UPDATE SET opted_out = EXCLUDED.opted_out, received_at = EXCLUDED.received_at
         WHERE sms_opt_out.received_at <= EXCLUDED.received_at
       RETURNING number_hash`,
      [this.hasher.hash(number), optedOut, receivedAt],
    );
    return rows.length > 0;
  }

  async isOptedOut(number: string, manager?: EntityManager): Promise<boolean> {
    return (await this.optedOutAmong([number], manager)).has(number);
  }

  /** The numbers (as given) among these that opted out. */
  async optedOutAmong(numbers: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const byHash = new Map<string, string[]>();
    for (const number of new Set(numbers)) {
      const hash = this.hasher.hash(number);
      byHash.set(hash, [...(byHash.get(hash) ?? []), number]);
    }
    const rows = await (manager ?? this.dataSource.manager).query<{ number_hash: string }[]>(
      `SELECT number_hash FROM sms_opt_out WHERE opted_out AND number_hash = ANY($1::text[])`,
      [[...byHash.keys()]],
    );
    return new Set(rows.flatMap((row) => byHash.get(row.number_hash) ?? []));
  }
}
