import { Injectable } from '@nestjs/common';
import { DISEASES, type Disease } from '@meldpunt/contracts';
import { Clock } from '../../calendar/clock';
import { brusselsDate } from '../../calendar/brussels-time';
import { ProtocolRepository } from '../protocol.repository';
import { ProtocolService } from '../protocol.service';

export interface ProtocolSummary {
  readonly protocolId: Disease;
  readonly title: string;
  /** The version in force today (Brussels). */
  readonly currentVersion: number;
  readonly effectiveFrom: string;
  /** true while the version in force is a shipped example a CLB doctor has not replaced. */
  readonly example: boolean;
  readonly warning: string | null;
  readonly source: 'database' | 'example';
  /** Stored versions, including ones that take effect later. */
  readonly versionCount: number;
  readonly latestVersion: number | null;
}

/** Every disease's protocol as it stands today. */
@Injectable()
export class ListProtocolsUseCase {
  constructor(
    private readonly protocols: ProtocolRepository,
    private readonly service: ProtocolService,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<ProtocolSummary[]> {
    const today = brusselsDate(this.clock.now());
    const rows = await this.protocols.all();
    return Promise.all(
      DISEASES.map(async (disease): Promise<ProtocolSummary> => {
        const { definition, source } = await this.service.resolve(disease, today);
        const versions = rows.filter((row) => row.protocolId === disease).map((row) => row.version);
        return {
          protocolId: disease,
          title: definition.title,
          currentVersion: definition.version,
          effectiveFrom: definition.effectiveFrom,
          example: definition.example,
          warning: definition.warning,
          source,
          versionCount: versions.length,
          latestVersion: versions.length > 0 ? Math.max(...versions) : null,
        };
      }),
    );
  }
}
