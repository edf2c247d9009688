import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LetterDecision } from './letter-decision.entity';
import { LetterMessage } from './letter-message.entity';

const INSERT_CHUNK = 1_000;

/** Decisions and their letters. Written by the pipeline only; staff reach them through dead letters (scoped). */
@Injectable()
export class LetterMessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a decision version; false when it was planned before (a redelivery or a replay). */
  async claimDecision(manager: EntityManager, decision: Omit<LetterDecision, 'createdAt'>): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO letter_decision (case_id, decision_version, clb_id, school_id, decided_at, unreachable)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (case_id, decision_version) DO NOTHING
       RETURNING case_id`,
      [
        decision.caseId,
        decision.decisionVersion,
        decision.clbId,
        decision.schoolId,
        decision.decidedAt,
        JSON.stringify(decision.unreachable),
      ],
    );
    return rows.length > 0;
  }

  /**
   * Inserts messages (in chunks: a campaign has thousands, Postgres takes 65 535 parameters a statement); one whose
   * key exists already is skipped. Returns the ones inserted.
   */
  async insertMessages(manager: EntityManager, messages: readonly LetterMessage[]): Promise<LetterMessage[]> {
    const inserted = new Set<string>();
    for (let start = 0; start < messages.length; start += INSERT_CHUNK) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(LetterMessage)
        .values(messages.slice(start, start + INSERT_CHUNK))
        .orIgnore()
        .returning(['id'])
        .execute();
      for (const row of result.raw as { id: string }[]) inserted.add(row.id);
    }
    return messages.filter((message) => inserted.has(message.id));
  }

  async lockById(manager: EntityManager, id: string): Promise<LetterMessage | null> {
    return manager
      .getRepository(LetterMessage)
      .createQueryBuilder('message')
      .setLock('pessimistic_write')
      .where('message.id = :id', { id })
      .getOne();
  }

  async save(manager: EntityManager, message: LetterMessage): Promise<void> {
    await manager.getRepository(LetterMessage).save(message);
  }

  /** Letters still queued since before `olderThan` (their enqueue may have been lost), oldest first. */
  async findStaleQueued(olderThan: Date, limit: number): Promise<LetterMessage[]> {
    return this.dataSource
      .getRepository(LetterMessage)
      .createQueryBuilder('message')
      .where(`message.state = 'queued'`)
      .andWhere('message.updated_at < :olderThan', { olderThan })
      .orderBy('message.updated_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Whether the campaign of a message was cancelled (its letters are not sent any more). */
  async campaignCancelled(manager: EntityManager, campaignId: string): Promise<boolean> {
    const rows = await manager.query<{ status: string }[]>(`SELECT status FROM campaign WHERE id = $1`, [
      campaignId,
    ]);
    return rows[0]?.status === 'cancelled';
  }

  async findByCase(caseId: string): Promise<LetterMessage[]> {
    return this.dataSource
      .getRepository(LetterMessage)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }
}
