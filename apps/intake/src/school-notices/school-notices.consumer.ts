import { Injectable } from '@nestjs/common';
import { TOPICS, type CONTRACTS } from '@meldpunt/contracts';
import type { EventHandlers, HandlerMap } from '@meldpunt/messaging';
import { SchoolNotice } from './school-notice.entity';
import { SchoolNoticeRepository } from './school-notice.repository';

/** communication.school-notice.issued.v1 → the school's notices, in the inbox transaction (a replay stores nothing). */
@Injectable()
export class SchoolNoticesConsumer implements EventHandlers {
  constructor(private readonly notices: SchoolNoticeRepository) {}

  eventHandlers(): HandlerMap<typeof CONTRACTS> {
    return {
      [TOPICS.SCHOOL_NOTICE_ISSUED]: async (event, { manager }) => {
        const notice = event.payload;
        await this.notices.insert(
          manager,
          Object.assign(new SchoolNotice(), {
            noticeId: notice.noticeId,
            schoolId: notice.schoolId,
            clbId: notice.clbId,
            caseId: notice.caseId,
            decisionVersion: notice.decisionVersion,
            disease: notice.disease,
            issuedAt: new Date(notice.issuedAt),
            classes: notice.classes,
          }),
        );
      },
    };
  }
}
