import { Injectable } from '@nestjs/common';
import type { Disease } from '@meldpunt/contracts';
import { ProtocolRepository, type ProtocolAuditRow } from '../protocol.repository';

/** Who changed one disease's protocol, when, why and what (newest first). */
@Injectable()
export class ListProtocolAuditUseCase {
  constructor(private readonly protocols: ProtocolRepository) {}

  async execute(disease: Disease): Promise<ProtocolAuditRow[]> {
    return this.protocols.auditOf(disease);
  }
}
