import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { Melding } from '../melding.entity';
import { MeldingRepository } from '../melding.repository';
import { NotFoundError } from '../meldingen.errors';
import { MESSAGES } from '../meldingen.messages';

/** One melding, if the caller may see it (404 otherwise: whether it exists is not the caller's business). */
@Injectable()
export class GetMeldingUseCase {
  constructor(private readonly meldingen: MeldingRepository) {}

  async execute(scope: TenancyScope, meldingId: string): Promise<Melding> {
    const melding = await this.meldingen.findVisible(scope, meldingId);
    if (!melding) throw new NotFoundError(MESSAGES.notFound);
    return melding;
  }
}
