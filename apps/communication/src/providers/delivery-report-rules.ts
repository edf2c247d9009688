import type { MessageState } from '../letters/letter-message.entity';

export const REPORT_STATUSES = ['delivered', 'bounced', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ProviderReport {
  readonly providerMessageId: string;
  readonly status: ReportStatus;
  /** When it happened at the provider. */
  readonly at: Date;
  readonly reason?: string | undefined;
}

/** What a letter's state says about the reports it may still take. */
export interface ReportedMessage {
  readonly state: MessageState;
  readonly sentAt: Date | null;
  readonly deliveredAt: Date | null;
  /** The `at` of the last report applied. */
  readonly reportedAt: Date | null;
}

/** `deliver`: sent → delivered; `fail`: → bounced/failed (then the other channel or the dead-letter list). */
export type ReportDecision = 'deliver' | 'fail' | 'ignore';

/** A report from before the letter was (last) sent is from an earlier attempt round: allowed clock skew. */
export const REPORT_SKEW_MS = 5 * 60 * 1000;

/**
 * The delivery-report state machine (pure): `sent → delivered | bounced | failed`.
 * - `sent` takes any report (a `delivered`, or a `bounced`/`failed` that sends the letter on).
 * - `delivered` (by a report, or accepted where the channel has no reports) still takes a `bounced`/`failed` that
 *   happened later (`at`) than the delivery (an asynchronous bounce); an older one arrived out of order: ignored.
 *   A second `delivered` changes nothing.
 * - `bounced` / `failed` are final: any report is ignored (a `delivered` that arrives after a `bounced` is an
 *   out-of-order report, the bounce stands), and so are `queued` (sent again by staff: a report of the old round)
 *   and `cancelled`.
 * - a report from before the letter was sent (beyond the clock skew) belongs to an earlier round: ignored.
 */
export function decideReport(message: ReportedMessage, report: ProviderReport): ReportDecision {
  if (message.sentAt && report.at.getTime() < message.sentAt.getTime() - REPORT_SKEW_MS) return 'ignore';
  switch (message.state) {
    case 'sent':
      return report.status === 'delivered' ? 'deliver' : 'fail';
    case 'delivered': {
      if (report.status === 'delivered') return 'ignore';
      const since = message.reportedAt ?? message.deliveredAt ?? message.sentAt;
      return since && report.at.getTime() < since.getTime() ? 'ignore' : 'fail';
    }
    case 'queued':
    case 'bounced':
    case 'failed':
    case 'cancelled':
      return 'ignore';
  }
}

/** Reports of one message in the order they happened (ties: delivered before a failure, so the failure wins). */
export function inOrder(reports: readonly ProviderReport[]): ProviderReport[] {
  const rank = (status: ReportStatus) => (status === 'delivered' ? 0 : 1);
  return [...reports].sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a.status) - rank(b.status));
}
