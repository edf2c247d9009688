import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { SchoolRepository, type SchoolView } from '../school.repository';

/** Schools in the caller's scope: school users their schools, CLB users the schools their CLB serves. */
@Injectable()
export class ListSchoolsUseCase {
  constructor(private readonly schools: SchoolRepository) {}

  execute(scope: TenancyScope): Promise<SchoolView[]> {
    return this.schools.listInScope(scope);
  }
}
