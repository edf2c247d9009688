import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SchoolLevel } from '@meldpunt/contracts';
import { ClbRepository } from '../clb.repository';
import { RegistryEvents } from '../registry-events';
import { SchoolRepository, type SchoolAddress } from '../school.repository';

export interface RegisterClbCommand {
  readonly name: string;
  readonly schools: readonly {
    instellingsnummer: string;
    name: string;
    levels: readonly SchoolLevel[];
    address?: SchoolAddress | null;
    isInternaat?: boolean;
  }[];
  readonly correlationId?: string;
}

export interface RegisterClbResult {
  readonly clbId: string;
  readonly schoolIds: readonly string[];
}

const INSTELLINGSNUMMER = /^\d{6}$/;

/**
 * Registers (or updates) a CLB and its schools by name and instellingsnummer, and announces each through the
 * outbox in the same transaction, so other services' directories follow. Running it twice changes nothing but
 * re-announces the current state. Used by the demo seed; the admin API uses CreateClb/CreateSchool.
 */
@Injectable()
export class RegisterClbUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clbs: ClbRepository,
    private readonly schools: SchoolRepository,
    private readonly events: RegistryEvents,
  ) {}

  async execute(command: RegisterClbCommand): Promise<RegisterClbResult> {
    const correlationId = command.correlationId ?? randomUUID();
    for (const school of command.schools) {
      if (!INSTELLINGSNUMMER.test(school.instellingsnummer))
        throw new Error(`instellingsnummer must be 6 digits: ${school.instellingsnummer}`);
    }
    return this.dataSource.transaction(async (manager) => {
      const clb = {
        id: (await this.clbs.findByName(manager, command.name))?.id ?? randomUUID(),
        name: command.name,
      };
      await this.clbs.save(manager, clb);

      const schoolIds: string[] = [];
      for (const input of command.schools) {
        const existing = await this.schools.findByInstellingsnummer(manager, input.instellingsnummer);
        const id = existing?.id ?? randomUUID();
        await this.schools.save(manager, id, {
          clbId: clb.id,
          instellingsnummer: input.instellingsnummer,
          name: input.name,
          levels: input.levels,
          address: input.address ?? null,
          isInternaat: input.isInternaat ?? existing?.isInternaat ?? false,
          extraClbIds: (existing?.extraClbIds ?? []).filter((extra) => extra !== clb.id),
        });
        schoolIds.push(id);
      }

      const clbEvent = this.events.clbRegistered(clb, { correlationId });
      const views = await this.schools.views(manager, schoolIds);
      await this.events.append(manager, [
        clbEvent,
        ...views.map((school) =>
          this.events.schoolRegistered(school, { correlationId, causationId: clbEvent.eventId }),
        ),
      ]);
      return { clbId: clb.id, schoolIds };
    });
  }
}
