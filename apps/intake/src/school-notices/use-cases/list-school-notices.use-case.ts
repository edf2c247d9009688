import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { SchoolNotice } from '../school-notice.entity';
import { SchoolNoticeRepository } from '../school-notice.repository';

/** The class notices a caller may see (school: its own; CLB: of the cases of its CLBs), latest version per case. */
@Injectable()
export class ListSchoolNoticesUseCase {
  constructor(private readonly notices: SchoolNoticeRepository) {}

  execute(scope: TenancyScope, page: { limit: number; offset: number }): Promise<SchoolNotice[]> {
    return this.notices.latestInScope(scope, page.limit, page.offset);
  }
}
