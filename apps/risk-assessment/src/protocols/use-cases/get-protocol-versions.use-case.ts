import { Injectable } from '@nestjs/common';
import type { Disease } from '@meldpunt/contracts';
import { Clock } from '../../calendar/clock';
import { brusselsDate } from '../../calendar/brussels-time';
import { EXAMPLE_PROTOCOLS } from '../examples';
import type { ProtocolDefinition } from '../protocol-definition.schema';
import { ProtocolRepository, type ProtocolVersionRow } from '../protocol.repository';
import { ProtocolService } from '../protocol.service';

export interface ProtocolVersions {
  readonly protocolId: Disease;
  /** The version in force today (Brussels), and whether it is stored or the shipped example. */
  readonly current: { readonly version: number; readonly source: 'database' | 'example' };
  /** Stored versions, oldest first. */
  readonly versions: readonly ProtocolVersionRow[];
  /** The shipped example, for reference and as the starting point of a first own version. */
  readonly example: ProtocolDefinition;
}

/** All stored versions of one disease's protocol. */
@Injectable()
export class GetProtocolVersionsUseCase {
  constructor(
    private readonly protocols: ProtocolRepository,
    private readonly service: ProtocolService,
    private readonly clock: Clock,
  ) {}

  async execute(disease: Disease): Promise<ProtocolVersions> {
    const [versions, resolved] = await Promise.all([
      this.protocols.versionsOf(disease),
      this.service.resolve(disease, brusselsDate(this.clock.now())),
    ]);
    return {
      protocolId: disease,
      current: { version: resolved.definition.version, source: resolved.source },
      versions,
      example: EXAMPLE_PROTOCOLS[disease],
    };
  }
}
