import { Campaign } from '../campaign.entity';
import { campaignView } from './campaign-progress.use-cases';

const createdAt = new Date('2026-11-25T08:00:00Z');
const campaign = (overrides: Partial<Campaign> = {}): Campaign =>
  Object.assign(new Campaign(), {
    id: '10000000-0000-4000-8000-000000000001',
    clbId: '20000000-0000-4000-8000-000000000002',
    title: 'Mazelen',
    disease: 'measles',
    audience: { schoolIds: ['30000000-0000-4000-8000-000000000003'], groupIds: [], levels: [] },
    status: 'sending',
    total: 10,
    pupils: 12,
    optedOut: 1,
    unreachable: 2,
    createdBy: 'u1',
    idempotencyKey: null,
    createdAt,
    cancelledAt: null,
    cancelledBy: null,
    ...overrides,
  });

describe('campaignView', () => {
  it('is sending while letters are queued; total = sent + failed + cancelled + pending', () => {
    const view = campaignView(campaign(), { sent: 3, failed: 1, cancelled: 0, pending: 6, finishedAt: null });
    expect(view).toMatchObject({
      status: 'sending',
      total: 10,
      sent: 3,
      failed: 1,
      pending: 6,
      completedAt: null,
    });
  });

  it('is completed (100%) once nothing is queued, at the last letter', () => {
    const finishedAt = new Date('2026-11-25T08:05:00Z');
    expect(
      campaignView(campaign(), { sent: 8, failed: 1, cancelled: 1, pending: 0, finishedAt }),
    ).toMatchObject({ status: 'completed', total: 10, completedAt: finishedAt.toISOString() });
  });

  it('stays cancelled, completed at the cancel', () => {
    const cancelledAt = new Date('2026-11-25T08:01:00Z');
    expect(
      campaignView(campaign({ status: 'cancelled', cancelledAt }), {
        sent: 2,
        failed: 0,
        cancelled: 8,
        pending: 0,
        finishedAt: cancelledAt,
      }),
    ).toMatchObject({
      status: 'cancelled',
      total: 10,
      completedAt: cancelledAt.toISOString(),
      cancelledAt: cancelledAt.toISOString(),
    });
  });
});
