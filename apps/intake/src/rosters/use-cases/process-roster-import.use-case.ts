import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope, GuardianContactsChangedV1 } from '@meldpunt/contracts';
import { OutboxRelay, OutboxWriter } from '@meldpunt/messaging';
import { RegistryEvents, type EventContext } from '../../registry/registry-events';
import { SchoolRepository, type InternaatRef, type SchoolView } from '../../registry/school.repository';
import type { RowError } from '../parsing/roster-record';
import { openRosterSource, type RosterSource } from '../parsing/roster-source';
import { RosterBulkRepository, type ApplyResult } from '../roster-bulk.repository';
import { RosterEvents } from '../roster-events';
import { RosterImportRepository, type ClaimedImport, type ImportCounts } from '../roster-import.repository';
import { ROSTER_MESSAGES } from '../rosters.messages';
import { contactAad, ContactSealer } from '../sealing/contact-sealer';
import { parseSchoolYear, type SchoolYearSpan } from '../school-year';
import { RowErrorCollector } from '../validation/row-error-collector';
import {
  internaatNumbersOf,
  RosterRowValidator,
  validateStaff,
  type ValidPupil,
} from '../validation/roster-row.validator';

/** Rows validated and staged per step. */
const BATCH_SIZE = 10_000;
/** Contacts per GUARDIAN_CONTACTS_CHANGED event (~100 KB): well under Kafka's 1 MB record limit. */
export const CONTACTS_PER_EVENT = 250;
/** Changed contacts read from the database per query while sealing. */
const CONTACT_PAGE = 10_000;
/** Envelopes per outbox INSERT, so a region's events never sit in memory all at once. */
const OUTBOX_CHUNK = 500;
/** Row errors kept for the report (all are counted). */
export const MAX_REPORTED_ERRORS = 1_000;

export type ProcessOutcome =
  | ({ readonly status: 'applied'; readonly total: number; readonly events: number } & ImportCounts)
  | { readonly status: 'rejected'; readonly total: number; readonly errorCount: number }
  | { readonly status: 'skipped' };

class RejectedImport extends Error {
  constructor(readonly total: number) {
    super('roster import rejected');
  }
}

/** Appends envelopes to the outbox in chunks as they are produced. */
class OutboxBuffer {
  private pending: EventEnvelope[] = [];
  count = 0;

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly manager: EntityManager,
  ) {}

  async push(envelope: EventEnvelope): Promise<void> {
    this.pending.push(envelope);
    this.count++;
    if (this.pending.length >= OUTBOX_CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = [];
    await this.outbox.append(this.manager, chunk);
  }
}

/**
 * The roster import job: reads the stored upload in batches, validates every row, and either applies everything
 * in ONE transaction or nothing. Validation and staging run inside that transaction (rows are staged while no
 * error was found), so a region-sized file is read once and never held in memory as a whole. On any row error
 * the transaction is rolled back and the import is `rejected` with every error (line, field, reason; the first
 * 1000 kept, all counted). When applied, the same transaction writes GROUP_MEMBERSHIP_CHANGED per changed group,
 * GUARDIAN_CONTACTS_CHANGED with sealed contacts, and SCHOOL_REGISTERED for schools whose serving CLBs changed.
 * Running it again for a finished import does nothing.
 */
@Injectable()
export class ProcessRosterImportUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: RosterImportRepository,
    private readonly bulk: RosterBulkRepository,
    private readonly schools: SchoolRepository,
    private readonly registryEvents: RegistryEvents,
    private readonly events: RosterEvents,
    private readonly sealer: ContactSealer,
    private readonly outbox: OutboxWriter,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async execute(importId: string): Promise<ProcessOutcome> {
    const claimed = await this.imports.claim(importId);
    if (!claimed) return { status: 'skipped' };
    const [school] = await this.schools.views(this.dataSource.manager, [claimed.schoolId]);
    const year = parseSchoolYear(claimed.schoolYear);
    const content = await this.imports.readUpload(importId);
    if (!school || !year || !content) {
      await this.imports.markFailed(importId, 'school, school year or upload missing', false);
      throw new Error(`roster import ${importId} cannot run: school, school year or upload missing`);
    }
    const source = openRosterSource(claimed.format, content);
    const errors = new RowErrorCollector(MAX_REPORTED_ERRORS);
    try {
      const outcome = await this.dataSource.transaction((manager) =>
        this.run(manager, claimed, school, year, source, errors),
      );
      this.relay?.poke();
      return outcome;
    } catch (error) {
      if (!(error instanceof RejectedImport)) throw error;
      await this.imports.markRejected(importId, {
        total: error.total,
        errors: errors.errors,
        errorCount: errors.count,
        ignoredColumns: source.ignoredColumns(),
      });
      return { status: 'rejected', total: error.total, errorCount: errors.count };
    }
  }

  private async run(
    manager: EntityManager,
    claimed: ClaimedImport,
    school: SchoolView,
    year: SchoolYearSpan,
    source: RosterSource,
    errors: RowErrorCollector,
  ): Promise<ProcessOutcome> {
    await this.bulk.begin(manager, school.id);
    const internaten = new Map<string, InternaatRef>();
    const validator = new RosterRowValidator({
      schoolId: school.id,
      schoolLevels: school.levels,
      schoolIsInternaat: school.isInternaat,
      schoolYearStart: year.startsOn,
      internaten,
      names: source.names,
    });

    let total = 0;
    let reported = 0;
    for await (const batch of source.batches(BATCH_SIZE)) {
      errors.add(batch.errors);
      const unknown = internaatNumbersOf(batch.records).filter((number) => !internaten.has(number));
      for (const [number, ref] of await this.schools.findInternaten(unknown)) internaten.set(number, ref);
      const valid: ValidPupil[] = [];
      const rowErrors: RowError[] = [];
      for (const record of batch.records) {
        const pupil = validator.validate(record, rowErrors);
        if (pupil) valid.push(pupil);
      }
      errors.add(rowErrors);
      total += batch.records.length;
      if (errors.count === 0) await this.bulk.stagePupils(manager, valid);
      if (total - reported >= BATCH_SIZE) {
        reported = total;
        await this.imports.progress(claimed.id, total, Math.max(total, source.estimatedRows));
      }
    }
    if (total === 0 && errors.count === 0)
      errors.add([{ line: 1, field: '-', reason: ROSTER_MESSAGES.file.noRows }]);
    const staffErrors: RowError[] = [];
    const staff = source.staff ? validateStaff(source.staff, school.levels, staffErrors) : null;
    errors.add(staffErrors);
    if (errors.count > 0) throw new RejectedImport(total);

    if (staff) await this.bulk.stageStaff(manager, staff);
    await this.imports.markApplying(claimed.id, total);
    const result = await this.bulk.apply(manager, {
      schoolId: school.id,
      schoolYear: year.label,
      startsOn: year.startsOn,
      endsOn: year.endsOn,
      rows: total,
      replaceGroups: source.hasGroups(),
      replaceStaff: staff !== null,
    });

    const context: EventContext = { correlationId: claimed.correlationId };
    const buffer = new OutboxBuffer(this.outbox, manager);
    const servingChanged = await this.schools.replaceBoardingInternaten(
      manager,
      school.id,
      result.boardingInternaatIds,
    );
    for (const view of await this.schools.views(manager, servingChanged))
      await buffer.push(this.registryEvents.schoolRegistered(view, context));
    for (const group of await this.bulk.changedGroups(manager))
      await buffer.push(this.events.groupMembershipChanged(group, context));
    await this.sealContacts(manager, school.id, result, context, buffer);
    await buffer.flush();

    const counts: ImportCounts = {
      created: result.created,
      updated: result.updated,
      unchanged: Math.max(0, total - result.created - result.updated),
      gone: result.gone,
    };
    await this.imports.markApplied(manager, claimed.id, counts, source.ignoredColumns());
    return { status: 'applied', total, events: buffer.count, ...counts };
  }

  /** GUARDIAN_CONTACTS_CHANGED for every changed and removed guardian, CONTACTS_PER_EVENT per event. */
  private async sealContacts(
    manager: EntityManager,
    schoolId: string,
    result: ApplyResult,
    context: EventContext,
    buffer: OutboxBuffer,
  ): Promise<void> {
    let pending: GuardianContactsChangedV1['contacts'][number][] = [];
    let key = await this.sealer.newEnvelopeKey();
    const emit = async () => {
      await buffer.push(
        this.events.guardianContactsChanged(schoolId, this.sealer.keyId, key.sealedKey, pending, context),
      );
      pending = [];
      key = await this.sealer.newEnvelopeKey();
    };
    for await (const page of this.bulk.changedContacts(manager, CONTACT_PAGE)) {
      for (const contact of page) {
        const { pupilRef, guardianRef, ...details } = contact;
        pending.push({
          pupilRef,
          guardianRef,
          sealed: key.seal(details, contactAad(schoolId, pupilRef, guardianRef)),
        });
        if (pending.length === CONTACTS_PER_EVENT) await emit();
      }
    }
    for (const removed of result.removedGuardians) {
      pending.push({ pupilRef: removed.pupilRef, guardianRef: removed.guardianRef, sealed: null });
      if (pending.length === CONTACTS_PER_EVENT) await emit();
    }
    if (pending.length > 0) await emit();
  }
}
