import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { CaseRepository } from '../case.repository';
import { queueItemOf } from '../case-view';
import { Clock } from '../../calendar/clock';
import type { CaseStatus } from '../domain/case-types';
import type { QueueResponseDto } from '../dto/case.response.dto';

export interface QueueQuery {
  /** Which cases: `open` (the queue), `decided`, or both. */
  readonly statuses: readonly CaseStatus[];
  readonly limit: number;
  readonly offset: number;
}

/** The CLB's queue: open cases by urgency, then deadline, then waiting time; only the caller's CLBs. */
@Injectable()
export class ListQueueUseCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  async execute(scope: TenancyScope, query: QueueQuery): Promise<QueueResponseDto> {
    const { items, total } = await this.cases.listVisible(scope, query);
    const now = this.clock.now();
    return {
      items: items.map((item) => queueItemOf(item, now)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
