import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { DataSource } from 'typeorm';
import { SchoolRepository } from '../../registry/school.repository';
import { RosterReadRepository, type PersonByRef } from '../roster-read.repository';

/**
 * Resolves pseudonymous refs (what risk-assessment and communication know) to the people they stand for, for a
 * caller whose scope includes their school: the CLB doctor's case page shows names, the other services never hold
 * them. Refs of schools outside the scope, or unknown refs, are simply absent from the answer.
 */
@Injectable()
export class LookUpPeopleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roster: RosterReadRepository,
    private readonly schools: SchoolRepository,
  ) {}

  async execute(scope: TenancyScope, refs: readonly string[]): Promise<PersonByRef[]> {
    const people = await this.roster.peopleByRefs([...new Set(refs.map((ref) => ref.toLowerCase()))]);
    const schoolIds = [...new Set(people.map((person) => person.schoolId))];
    const allowed = new Set(
      (await this.schools.views(this.dataSource.manager, schoolIds))
        .filter((school) => scope.allowsSchool(school.id, school.servingClbIds))
        .map((school) => school.id),
    );
    return people.filter((person) => allowed.has(person.schoolId));
  }
}
