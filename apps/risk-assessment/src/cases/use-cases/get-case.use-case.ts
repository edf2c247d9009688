import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { DataSource } from 'typeorm';
import { CaseRepository } from '../case.repository';
import { caseDetailOf } from '../case-view';
import { CaseError } from '../cases.errors';
import { MESSAGES } from '../cases.messages';
import { Clock } from '../../calendar/clock';
import { ContactRepository } from '../contact.repository';
import type { CaseDetailDto } from '../dto/case.response.dto';
import { ExposureRepository } from '../exposure.repository';

/** The case page: melding facts, timeline, exposures, contacts with proposal, rule, override and letters. */
@Injectable()
export class GetCaseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly exposures: ExposureRepository,
    private readonly contacts: ContactRepository,
    private readonly clock: Clock,
  ) {}

  async execute(scope: TenancyScope, id: string): Promise<CaseDetailDto> {
    const found = await this.cases.findVisible(scope, id);
    if (!found) throw CaseError.notFound(MESSAGES.notFound);
    const [meldingen, exposures, contacts, decisions, letters, timeline] = await Promise.all([
      this.cases.meldingenOf(id),
      this.exposures.exposuresWithCounts(id),
      this.contacts.contactsOf(this.dataSource.manager, id),
      this.contacts.decisionsOf(id),
      this.contacts.letterStatusesOf(id),
      this.cases.timelineOf(id),
    ]);
    return caseDetailOf(
      found,
      { meldingen, exposures, contacts, decisions, letters, timeline },
      this.clock.now(),
    );
  }
}
