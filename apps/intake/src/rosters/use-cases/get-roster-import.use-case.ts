import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { DomainError } from '../../registry/domain-error';
import { SchoolRepository } from '../../registry/school.repository';
import type { RosterImport } from '../roster-import.entity';
import { RosterImportRepository } from '../roster-import.repository';
import { ROSTER_MESSAGES } from '../rosters.messages';

/** An import's status and report, if its school is in the caller's scope (not-found otherwise). */
@Injectable()
export class GetRosterImportUseCase {
  constructor(
    private readonly imports: RosterImportRepository,
    private readonly schools: SchoolRepository,
  ) {}

  async execute(scope: TenancyScope, importId: string): Promise<RosterImport> {
    const found = await this.imports.findById(importId);
    if (!found || !(await this.schools.findInScope(scope, found.schoolId)))
      throw DomainError.notFound(ROSTER_MESSAGES.importNotFound);
    return found;
  }

  /** The school's latest imports, newest first. */
  async listForSchool(scope: TenancyScope, schoolId: string, limit = 20): Promise<RosterImport[]> {
    const school = await this.schools.findInScope(scope, schoolId);
    if (!school) throw DomainError.notFound(ROSTER_MESSAGES.schoolNotFound);
    return this.imports.listForSchool(school.id, limit);
  }
}
