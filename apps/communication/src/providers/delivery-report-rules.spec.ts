import type { MessageState } from '../letters/letter-message.entity';
import {
  decideReport,
  inOrder,
  REPORT_SKEW_MS,
  type ProviderReport,
  type ReportStatus,
} from './delivery-report-rules';

describe('the delivery-report state machine', () => {
  const sentAt = new Date('2026-11-25T08:00:00Z');
  const minutes = (n: number) => new Date(sentAt.getTime() + n * 60_000);
  const report = (status: ReportStatus, at: Date): ProviderReport => ({
    providerMessageId: 'p-1',
    status,
    at,
  });
  const message = (state: MessageState, extra: { deliveredAt?: Date; reportedAt?: Date } = {}) => ({
    state,
    sentAt,
    deliveredAt: extra.deliveredAt ?? null,
    reportedAt: extra.reportedAt ?? null,
  });

  it('takes any report for a sent letter', () => {
    expect(decideReport(message('sent'), report('delivered', minutes(1)))).toBe('deliver');
    expect(decideReport(message('sent'), report('bounced', minutes(1)))).toBe('fail');
    expect(decideReport(message('sent'), report('failed', minutes(1)))).toBe('fail');
  });

  it('ignores a second delivered (a duplicate report)', () => {
    const delivered = message('delivered', { deliveredAt: minutes(1), reportedAt: minutes(1) });
    expect(decideReport(delivered, report('delivered', minutes(1)))).toBe('ignore');
    expect(decideReport(delivered, report('delivered', minutes(5)))).toBe('ignore');
  });

  it('lets a later bounce undo a delivery, but not one that happened before it (out of order)', () => {
    const delivered = message('delivered', { deliveredAt: minutes(3), reportedAt: minutes(3) });
    expect(decideReport(delivered, report('bounced', minutes(4)))).toBe('fail');
    expect(decideReport(delivered, report('bounced', minutes(2)))).toBe('ignore');
    // Accepted-as-delivered (no delivery reports on the channel): a bounce still counts.
    expect(decideReport(message('delivered', { deliveredAt: sentAt }), report('bounced', minutes(30)))).toBe(
      'fail',
    );
  });

  it('keeps bounced and failed final: a delivered arriving after a bounce changes nothing', () => {
    for (const state of ['bounced', 'failed'] as const)
      for (const status of ['delivered', 'bounced', 'failed'] as const)
        expect(decideReport(message(state, { reportedAt: minutes(2) }), report(status, minutes(9)))).toBe(
          'ignore',
        );
  });

  it('ignores reports for letters not out with the provider (queued again by staff, cancelled)', () => {
    expect(decideReport(message('queued'), report('delivered', minutes(1)))).toBe('ignore');
    expect(decideReport(message('cancelled'), report('bounced', minutes(1)))).toBe('ignore');
  });

  it('ignores a report from before the letter was sent again (an earlier round), within the clock skew not', () => {
    expect(
      decideReport(message('sent'), report('bounced', new Date(sentAt.getTime() - REPORT_SKEW_MS - 1))),
    ).toBe('ignore');
    expect(decideReport(message('sent'), report('delivered', new Date(sentAt.getTime() - 60_000)))).toBe(
      'deliver',
    );
  });

  it('applies the reports of one letter in the order they happened, so a batch out of order ends right', () => {
    const batch = [
      report('bounced', minutes(5)),
      report('delivered', minutes(2)),
      report('delivered', minutes(5)),
    ];
    expect(inOrder(batch).map((entry) => `${entry.status}@${entry.at.toISOString().slice(11, 16)}`)).toEqual([
      'delivered@08:02',
      'delivered@08:05',
      'bounced@08:05',
    ]);
    let state = message('sent');
    const decisions = inOrder(batch).map((entry) => {
      const decision = decideReport(state, entry);
      if (decision === 'deliver')
        state = message('delivered', { deliveredAt: entry.at, reportedAt: entry.at });
      if (decision === 'fail') state = message('bounced', { reportedAt: entry.at });
      return decision;
    });
    expect(decisions).toEqual(['deliver', 'ignore', 'fail']);
    expect(state.state).toBe('bounced');
  });
});
