import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { ContactChannel } from '@meldpunt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AfterCommit } from '../../letters/after-commit';
import { Clock } from '../../letters/clock';
import { LetterFallback } from '../../letters/letter-fallback';
import { LetterMessage } from '../../letters/letter-message.entity';
import { LetterMessageRepository } from '../../letters/letter-message.repository';
import { decideReport, inOrder, type ProviderReport } from '../delivery-report-rules';
import { REPORT_FAILURES } from '../delivery-reports.messages';
import { ProviderReportPending } from '../provider-report-pending.entity';

export interface ReportTally {
  readonly applied: number;
  readonly ignored: number;
  readonly unknown: number;
}

/** How long a report for an id we do not know is kept, waiting for the letter that carries it. */
export const PENDING_REPORT_TTL_MS = 24 * 60 * 60 * 1000;
const PENDING_BATCH = 500;

/**
 * Applies a provider's delivery reports for one channel, all in one transaction (the letters locked in id order):
 * `delivered` → the letter is delivered and its `delivered` update published; `bounced` / `failed` → the letter
 * fails on this channel through LetterFallback (a `failed` update with reason `bounced`/`provider-failed`, then the
 * other channel once, or the dead-letter list). Reports of one letter are applied in `at` order through
 * decideReport, so a duplicate or an out-of-order report changes nothing. Unknown provider ids are counted, not
 * refused (providers retry non-2xx answers forever), and kept in provider_report_pending: a fast provider may
 * report before the send that stored its id committed. They are applied right after this commit when the letter
 * is there by then, else by PendingReportsSweeper (`applyPending`).
 */
@Injectable()
export class ApplyDeliveryReportsUseCase {
  private readonly logger = new Logger('DeliveryReports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: LetterMessageRepository,
    private readonly fallback: LetterFallback,
    private readonly afterCommit: AfterCommit,
    private readonly clock: Clock,
  ) {}

  execute(channel: ContactChannel, reports: readonly ProviderReport[]): Promise<ReportTally> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // A provider's clock ahead of ours must not make its report win over everything that follows.
      const clamped = reports.map((report) =>
        report.at.getTime() > now.getTime() ? { ...report, at: now } : report,
      );
      const found = await this.lockByProviderIds(manager, channel, [
        ...new Set(clamped.map((report) => report.providerMessageId)),
      ]);
      const known = clamped.filter((report) => found.has(report.providerMessageId));
      const unknown = clamped.filter((report) => !found.has(report.providerMessageId));
      const tally = await this.apply(manager, found, known);
      if (unknown.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(ProviderReportPending)
          .values(
            unknown.map((report) => ({
              id: randomUUID(),
              channel,
              providerMessageId: report.providerMessageId,
              status: report.status,
              at: report.at,
              reason: report.reason?.trim() || null,
            })),
          )
          .orIgnore()
          .execute();
        this.logger.warn(`${unknown.length} ${channel} delivery report(s) for provider ids not (yet) known`);
        this.afterCommit.run(manager, async () => {
          await this.applyPending().catch((error: unknown) =>
            this.logger.warn(`pending reports: ${error instanceof Error ? error.message : String(error)}`),
          );
        });
      }
      return { ...tally, unknown: unknown.length };
    });
  }

  /**
   * Applies waiting reports whose letter is now known (and forgets those older than a day); returns how many
   * changed a letter. Safe to run concurrently: the waiting rows are claimed with SKIP LOCKED and deleted.
   */
  applyPending(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const expired = new Date(this.clock.now().getTime() - PENDING_REPORT_TTL_MS);
      await manager
        .createQueryBuilder()
        .delete()
        .from(ProviderReportPending)
        .where('received_at < :expired', { expired })
        .execute();
      const waiting = await manager
        .getRepository(ProviderReportPending)
        .createQueryBuilder('pending')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(
          `EXISTS (SELECT 1 FROM letter_message message
                    WHERE message.channel = pending.channel
                      AND message.provider_message_id = pending.provider_message_id)`,
        )
        .orderBy('pending.received_at', 'ASC')
        .limit(PENDING_BATCH)
        .getMany();
      if (waiting.length === 0) return 0;
      let applied = 0;
      for (const channel of [...new Set(waiting.map((pending) => pending.channel))]) {
        const ofChannel = waiting.filter((pending) => pending.channel === channel);
        const found = await this.lockByProviderIds(manager, channel, [
          ...new Set(ofChannel.map((pending) => pending.providerMessageId)),
        ]);
        const tally = await this.apply(
          manager,
          found,
          ofChannel.map((pending) => ({
            providerMessageId: pending.providerMessageId,
            status: pending.status,
            at: pending.at,
            reason: pending.reason ?? undefined,
          })),
        );
        applied += tally.applied;
      }
      await manager.getRepository(ProviderReportPending).delete(waiting.map((pending) => pending.id));
      if (applied > 0) this.logger.log(`${applied} waiting delivery report(s) applied`);
      return applied;
    });
  }

  /** The reports of known letters, per letter in `at` order through the state machine. */
  private async apply(
    manager: EntityManager,
    found: ReadonlyMap<string, LetterMessage>,
    reports: readonly ProviderReport[],
  ): Promise<{ applied: number; ignored: number }> {
    let applied = 0;
    let ignored = 0;
    const byId = new Map<string, ProviderReport[]>();
    for (const report of reports)
      byId.set(report.providerMessageId, [...(byId.get(report.providerMessageId) ?? []), report]);
    for (const [providerMessageId, ofMessage] of byId) {
      const message = found.get(providerMessageId);
      if (!message) continue;
      for (const report of inOrder(ofMessage)) {
        const decision = decideReport(message, report);
        if (decision === 'ignore') {
          ignored += 1;
          continue;
        }
        applied += 1;
        message.reportedAt = report.at;
        if (decision === 'deliver') {
          message.state = 'delivered';
          message.deliveredAt = report.at;
          await this.messages.save(manager, message);
          await this.fallback.publishOutcome(manager, message, { status: 'delivered', at: report.at });
        } else {
          const bounced = report.status === 'bounced';
          await this.fallback.failOnChannel(manager, message, {
            state: bounced ? 'bounced' : 'failed',
            error: (bounced ? REPORT_FAILURES.bounced : REPORT_FAILURES.failed)(report.reason?.trim()),
            reason: bounced ? 'bounced' : 'provider-failed',
            at: report.at,
          });
        }
      }
    }
    return { applied, ignored };
  }

  /** The letters of these provider ids on the channel, locked in id order (no deadlock with a concurrent batch). */
  private async lockByProviderIds(
    manager: EntityManager,
    channel: ContactChannel,
    providerMessageIds: readonly string[],
  ): Promise<Map<string, LetterMessage>> {
    if (providerMessageIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(LetterMessage)
      .createQueryBuilder('message')
      .setLock('pessimistic_write')
      .where('message.channel = :channel', { channel })
      .andWhere('message.provider_message_id = ANY(:ids)', { ids: [...providerMessageIds] })
      .orderBy('message.id', 'ASC')
      .getMany();
    const byProviderId = new Map<string, LetterMessage>();
    for (const row of rows) {
      if (row.providerMessageId === null) continue;
      const seen = byProviderId.get(row.providerMessageId);
      // Provider ids are unique per provider; should one come back, the latest letter sent under it counts.
      if (!seen || (row.sentAt?.getTime() ?? 0) > (seen.sentAt?.getTime() ?? 0))
        byProviderId.set(row.providerMessageId, row);
    }
    return byProviderId;
  }
}
