import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Disease } from '@meldpunt/contracts';
import { Clock } from '../../calendar/clock';
import { brusselsDate } from '../../calendar/brussels-time';
import { EXAMPLE_PROTOCOLS } from '../examples';
import type { ProtocolDefinition } from '../protocol-definition.schema';
import { diffJson } from '../protocol-diff';
import { parseProtocolContent } from '../protocol-validation';
import { ProtocolRepository, type ProtocolVersionRow } from '../protocol.repository';
import { ProtocolService } from '../protocol.service';
import { ProtocolRejectedError } from '../protocols.errors';
import { PROTOCOL_MESSAGES } from '../protocols.messages';

export interface CreateProtocolVersionCommand {
  readonly disease: Disease;
  /** YYYY-MM-DD; today (Brussels) or later. */
  readonly effectiveFrom: string;
  readonly reason: string;
  /** The protocol body as posted; validated here against protocolContentSchema. */
  readonly definition: unknown;
  /** userId of the admin. */
  readonly actor: string;
}

/**
 * Adds the next version of a protocol (numbered latest + 1 under a per-protocol lock), with an audit entry naming
 * the admin, the reason and every changed field relative to the latest version; in one transaction. Refuses (422,
 * field errors, nothing written) an invalid definition or an effective date in the past.
 */
@Injectable()
export class CreateProtocolVersionUseCase {
  constructor(
    private readonly protocols: ProtocolRepository,
    private readonly service: ProtocolService,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateProtocolVersionCommand): Promise<ProtocolVersionRow> {
    const parsed = parseProtocolContent(command.definition);
    const fields = parsed.ok ? [] : [...parsed.fields];
    const today = brusselsDate(this.clock.now());
    if (command.effectiveFrom < today) {
      fields.unshift({
        field: 'effectiveFrom',
        messages: [PROTOCOL_MESSAGES.field.effectiveFromInPast(today)],
      });
    }
    if (!parsed.ok || fields.length > 0) throw new ProtocolRejectedError(fields);

    const created = await this.protocols.transaction(async (manager) => {
      await this.protocols.lock(manager, command.disease);
      const latest = await this.protocols.latest(manager, command.disease);
      const previous: unknown = latest?.definition ?? EXAMPLE_PROTOCOLS[command.disease];
      const version = (latest?.version ?? 0) + 1;
      const definition: ProtocolDefinition = {
        protocolId: command.disease,
        version,
        effectiveFrom: command.effectiveFrom,
        ...parsed.value,
      };
      const now = this.clock.now();
      const row: ProtocolVersionRow = {
        id: randomUUID(),
        protocolId: command.disease,
        version,
        effectiveFrom: command.effectiveFrom,
        definition,
        createdBy: command.actor,
        createdAt: now,
      };
      await this.protocols.insert(manager, row);
      await this.protocols.appendAudit(manager, {
        id: randomUUID(),
        protocolId: command.disease,
        version,
        action: 'created',
        actor: command.actor,
        at: now,
        reason: command.reason,
        changes: diffJson(previous, definition),
      });
      return row;
    });
    this.service.invalidate(command.disease);
    return created;
  }
}
