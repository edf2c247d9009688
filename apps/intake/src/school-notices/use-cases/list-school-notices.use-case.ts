import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { NoticeClasses, SchoolNotice } from '../school-notice.entity';
import { SchoolNoticeRepository } from '../school-notice.repository';

/** A notice as the school reads it: each class with the roster's name of its group (the event carries ids only). */
export interface NamedSchoolNotice {
  readonly notice: SchoolNotice;
  readonly classes: ReadonlyArray<NoticeClasses[number] & { readonly name: string | null }>;
}

/** The class notices a caller may see (school: its own; CLB: of the cases of its CLBs), latest version per case. */
@Injectable()
export class ListSchoolNoticesUseCase {
  constructor(private readonly notices: SchoolNoticeRepository) {}

  async execute(scope: TenancyScope, page: { limit: number; offset: number }): Promise<NamedSchoolNotice[]> {
    const notices = await this.notices.latestInScope(scope, page.limit, page.offset);
    const names = await this.notices.groupNames(
      notices.flatMap((notice) => notice.classes.flatMap((item) => (item.groupId ? [item.groupId] : []))),
    );
    return notices.map((notice) => ({
      notice,
      classes: notice.classes.map((item) => ({
        ...item,
        name: item.groupId ? (names.get(item.groupId) ?? null) : null,
      })),
    }));
  }
}
