import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { Melding } from '../melding.entity';
import { MeldingRepository, type MeldingListFilter } from '../melding.repository';

/** The meldingen the caller may see, newest first, optionally of one school and/or status. */
@Injectable()
export class ListMeldingenUseCase {
  constructor(private readonly meldingen: MeldingRepository) {}

  async execute(scope: TenancyScope, filter: MeldingListFilter): Promise<Melding[]> {
    return this.meldingen.listVisible(scope, filter);
  }
}
