import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DISEASES, type Disease } from '@meldpunt/contracts';
import { Clock } from '../../calendar/clock';
import { EXAMPLE_PROTOCOLS } from '../examples';
import { parseProtocolDefinition } from '../protocol-validation';
import { ProtocolRepository } from '../protocol.repository';
import { ProtocolService } from '../protocol.service';
import { PROTOCOL_MESSAGES } from '../protocols.messages';

export const SYSTEM_ACTOR = 'system';

/**
 * Stores each shipped example protocol as its version 1 unless that version exists (idempotent, safe with several
 * instances starting at once: insert … on conflict do nothing), with an audit entry for what it inserted.
 * Returns the diseases seeded by this call.
 */
@Injectable()
export class SeedExampleProtocolsUseCase {
  constructor(
    private readonly protocols: ProtocolRepository,
    private readonly service: ProtocolService,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<Disease[]> {
    const seeded: Disease[] = [];
    for (const disease of DISEASES) {
      const example = EXAMPLE_PROTOCOLS[disease];
      const parsed = parseProtocolDefinition(example);
      if (!parsed.ok)
        throw new Error(`shipped example ${disease} is invalid: ${JSON.stringify(parsed.fields)}`);
      const inserted = await this.protocols.transaction(async (manager) => {
        const now = this.clock.now();
        const row = {
          id: randomUUID(),
          protocolId: disease,
          version: example.version,
          effectiveFrom: example.effectiveFrom,
          definition: example,
          createdBy: SYSTEM_ACTOR,
          createdAt: now,
        };
        if (!(await this.protocols.insertIfAbsent(manager, row))) return false;
        await this.protocols.appendAudit(manager, {
          id: randomUUID(),
          protocolId: disease,
          version: example.version,
          action: 'seeded',
          actor: SYSTEM_ACTOR,
          at: now,
          reason: PROTOCOL_MESSAGES.audit.seeded,
          changes: [],
        });
        return true;
      });
      if (inserted) seeded.push(disease);
    }
    if (seeded.length > 0) this.service.invalidate();
    return seeded;
  }
}
