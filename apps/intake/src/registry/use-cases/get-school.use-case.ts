import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { DomainError } from '../domain-error';
import { REGISTRY_MESSAGES } from '../registry.messages';
import { SchoolRepository, type SchoolView } from '../school.repository';

/** One school in the caller's scope; not-found both when it does not exist and when it is out of scope. */
@Injectable()
export class GetSchoolUseCase {
  constructor(private readonly schools: SchoolRepository) {}

  async execute(scope: TenancyScope, schoolId: string): Promise<SchoolView> {
    const school = await this.schools.findInScope(scope, schoolId);
    if (!school) throw DomainError.notFound(REGISTRY_MESSAGES.schoolNotFound);
    return school;
  }
}
