import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { GroupKind } from '@meldpunt/contracts';
import { DomainError } from '../../registry/domain-error';
import { SchoolRepository, type ScopedSchool } from '../../registry/school.repository';
import type { PupilStatus } from '../pupil.entity';
import {
  RosterReadRepository,
  type GroupListItem,
  type PupilListItem,
  type PupilQuery,
  type StaffListItem,
} from '../roster-read.repository';
import { ROSTER_MESSAGES } from '../rosters.messages';

/** Reads of a school's roster (pupil picker, groups, staff) for callers whose scope includes the school. */
@Injectable()
export class ReadRosterUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly roster: RosterReadRepository,
  ) {}

  async pupils(scope: TenancyScope, schoolId: string, query: PupilQuery): Promise<PupilListItem[]> {
    return this.roster.pupils(await this.school(scope, schoolId), query);
  }

  async groups(
    scope: TenancyScope,
    schoolId: string,
    options: { schoolYear?: string; kind?: GroupKind },
  ): Promise<{ schoolYear: string | null; items: GroupListItem[] }> {
    const school = await this.school(scope, schoolId);
    const schoolYear = options.schoolYear ?? (await this.roster.latestSchoolYear(school));
    if (schoolYear === null) return { schoolYear, items: [] };
    return { schoolYear, items: await this.roster.groups(school, schoolYear, options.kind) };
  }

  async staff(scope: TenancyScope, schoolId: string, status: PupilStatus | 'all'): Promise<StaffListItem[]> {
    return this.roster.staff(await this.school(scope, schoolId), status);
  }

  private async school(scope: TenancyScope, schoolId: string): Promise<ScopedSchool> {
    const school = await this.schools.findInScope(scope, schoolId);
    if (!school) throw DomainError.notFound(ROSTER_MESSAGES.schoolNotFound);
    return school;
  }
}
