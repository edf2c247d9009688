import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { FieldError } from '@meldpunt/platform';
import { ClbRepository } from '../clb.repository';
import { DomainError } from '../domain-error';
import { RegistryEvents } from '../registry-events';
import { REGISTRY_MESSAGES } from '../registry.messages';
import { SchoolRepository, type SchoolFields, type SchoolView } from '../school.repository';
import { uniqueViolationDetail } from '../unique-violation';

export interface SaveSchoolCommand extends SchoolFields {
  readonly correlationId?: string;
}

/**
 * Creates a school (`create`) or replaces an existing one's registry data (`update`), and announces it
 * (SCHOOL_REGISTERED) in the same transaction. Refuses an unknown CLB (400) and a taken instellingsnummer (409).
 */
@Injectable()
export class SaveSchoolUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clbs: ClbRepository,
    private readonly schools: SchoolRepository,
    private readonly events: RegistryEvents,
  ) {}

  create(command: SaveSchoolCommand): Promise<SchoolView> {
    return this.save(randomUUID(), command, false);
  }

  update(schoolId: string, command: SaveSchoolCommand): Promise<SchoolView> {
    return this.save(schoolId, command, true);
  }

  private async save(id: string, command: SaveSchoolCommand, existing: boolean): Promise<SchoolView> {
    const taken = () =>
      DomainError.conflict(
        REGISTRY_MESSAGES.field.instellingsnummerTaken,
        'instellingsnummer',
        REGISTRY_MESSAGES.field.instellingsnummerTaken,
      );
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (existing && !(await this.schools.findById(manager, id)))
          throw DomainError.notFound(REGISTRY_MESSAGES.schoolNotFound);
        await this.checkClbs(manager, command);
        const holder = await this.schools.findByInstellingsnummer(manager, command.instellingsnummer);
        if (holder && holder.id !== id) throw taken();
        await this.schools.save(manager, id, { ...command, extraClbIds: [...new Set(command.extraClbIds)] });
        const [view] = await this.schools.views(manager, [id]);
        if (!view) throw new Error(`school ${id} vanished inside its own transaction`);
        await this.events.append(manager, [
          this.events.schoolRegistered(view, { correlationId: command.correlationId ?? randomUUID() }),
        ]);
        return view;
      });
    } catch (error) {
      if (uniqueViolationDetail(error) !== null) throw taken();
      throw error;
    }
  }

  private async checkClbs(manager: EntityManager, command: SaveSchoolCommand): Promise<void> {
    const found = await this.clbs.existing(manager, [command.clbId, ...command.extraClbIds]);
    const fields: FieldError[] = [];
    if (!found.has(command.clbId)) fields.push({ field: 'clbId', messages: [REGISTRY_MESSAGES.field.clbId] });
    if (command.extraClbIds.some((extra) => extra === command.clbId || !found.has(extra)))
      fields.push({ field: 'extraClbIds', messages: [REGISTRY_MESSAGES.field.extraClbIds] });
    if (fields.length > 0) throw DomainError.invalid(REGISTRY_MESSAGES.invalidInput, fields);
  }
}
