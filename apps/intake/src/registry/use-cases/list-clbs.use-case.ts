import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import { ClbRepository, type ClbView } from '../clb.repository';

/** The CLBs the caller may see: all for a platform admin, their own for CLB users. */
@Injectable()
export class ListClbsUseCase {
  constructor(private readonly clbs: ClbRepository) {}

  execute(scope: TenancyScope): Promise<ClbView[]> {
    return this.clbs.listInScope(scope);
  }
}
