import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { Campaign } from './campaign.entity';

/** Where a campaign's letters are: every letter counts once (its fallback on the other channel replaces it). */
export interface CampaignProgress {
  readonly sent: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly pending: number;
  /** When the last letter left `queued` (null while some are still queued). */
  readonly finishedAt: Date | null;
}

const NO_LETTERS: CampaignProgress = { sent: 0, failed: 0, cancelled: 0, pending: 0, finishedAt: null };

/** Campaigns. Every read takes the caller's scope: a CLB sees its own campaigns only. */
@Injectable()
export class CampaignRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the campaign unless its id, or its creator's idempotency key, exists already; true when inserted. */
  async insert(manager: EntityManager, campaign: Omit<Campaign, 'createdAt'>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Campaign)
      .values(campaign)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** The campaign a retried request already created: by id, or by its creator and idempotency key. */
  async findExisting(
    manager: EntityManager,
    id: string,
    createdBy: string,
    idempotencyKey: string | null,
  ): Promise<Campaign | null> {
    const query = manager.getRepository(Campaign).createQueryBuilder('c').where('c.id = :id', { id });
    if (idempotencyKey !== null)
      query.orWhere('(c.created_by = :createdBy AND c.idempotency_key = :idempotencyKey)', {
        createdBy,
        idempotencyKey,
      });
    return query.getOne();
  }

  async findInScope(scope: TenancyScope, id: string, manager?: EntityManager): Promise<Campaign | null> {
    const found = await (manager ?? this.dataSource.manager).getRepository(Campaign).findOneBy({ id });
    return found && scope.allowsClb(found.clbId) ? found : null;
  }

  async lockInScope(manager: EntityManager, scope: TenancyScope, id: string): Promise<Campaign | null> {
    const found = await manager
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
    return found && scope.allowsClb(found.clbId) ? found : null;
  }

  async list(
    scope: TenancyScope,
    filter: { clbId: string | null; limit: number; offset: number },
  ): Promise<{ items: Campaign[]; total: number }> {
    const query = this.dataSource.getRepository(Campaign).createQueryBuilder('c').where('TRUE');
    if (scope.clbIds !== null) query.andWhere('c.clb_id = ANY(:clbIds)', { clbIds: [...scope.clbIds] });
    if (filter.clbId !== null) query.andWhere('c.clb_id = :clbId', { clbId: filter.clbId });
    const [items, total] = await query
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  async save(manager: EntityManager, campaign: Campaign): Promise<void> {
    await manager.getRepository(Campaign).save(campaign);
  }

  /**
   * Progress per campaign, counted over each letter's live row (a letter that failed, bounced or was opted out on
   * one channel and was sent on the other counts once, by its fallback). `sent` = accepted by the provider
   * (`sent`) or reported delivered; `failed` = failed or bounced with no other channel left (dead-lettered).
   */
  async progress(campaignIds: readonly string[]): Promise<Map<string, CampaignProgress>> {
    if (campaignIds.length === 0) return new Map();
    const rows = await this.dataSource.query<
      {
        campaign_id: string;
        sent: number;
        failed: number;
        cancelled: number;
        pending: number;
        finished_at: Date | null;
      }[]
    >(
      `SELECT m.campaign_id::text AS campaign_id,
              count(*) FILTER (WHERE m.state IN ('sent', 'delivered'))::int AS sent,
              count(*) FILTER (WHERE m.state NOT IN ('sent', 'delivered', 'queued', 'cancelled'))::int AS failed,
              count(*) FILTER (WHERE m.state = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE m.state = 'queued')::int AS pending,
              CASE WHEN count(*) FILTER (WHERE m.state = 'queued') = 0 THEN max(m.updated_at) END AS finished_at
         FROM letter_message m
        WHERE m.campaign_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM letter_message f WHERE f.fallback_of = m.id)
        GROUP BY m.campaign_id`,
      [[...campaignIds]],
    );
    const progress = new Map<string, CampaignProgress>(campaignIds.map((id) => [id, NO_LETTERS]));
    for (const row of rows)
      progress.set(row.campaign_id, {
        sent: row.sent,
        failed: row.failed,
        cancelled: row.cancelled,
        pending: row.pending,
        finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
      });
    return progress;
  }

  /** Marks every still-queued letter of the campaign cancelled; returns them (their jobs can be removed). */
  async cancelQueuedLetters(
    manager: EntityManager,
    campaignId: string,
    reason: string,
  ): Promise<{ id: string; messageKey: string; channel: 'email' | 'sms'; retries: number }[]> {
    const [rows] = await manager.query<
      [{ id: string; message_key: string; channel: 'email' | 'sms'; retries: number }[], number]
    >(
      `UPDATE letter_message SET state = 'cancelled', last_error = $2, updated_at = now()
        WHERE campaign_id = $1 AND state = 'queued'
        RETURNING id::text AS id, message_key, channel, retries`,
      [campaignId, reason],
    );
    return rows.map((row) => ({
      id: row.id,
      messageKey: row.message_key,
      channel: row.channel,
      retries: row.retries,
    }));
  }
}
