import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { TenancyScope } from '@meldpunt/auth';
import { DomainError } from '../../registry/domain-error';
import { SchoolRepository } from '../../registry/school.repository';
import type { JsonRoster } from '../parsing/json-roster.reader';
import { RosterImportQueue } from '../roster-import.queue';
import { RosterImportRepository } from '../roster-import.repository';
import { ROSTER_MESSAGES } from '../rosters.messages';
import { parseSchoolYear } from '../school-year';

export type RosterUpload =
  | { readonly format: 'csv'; readonly text: string }
  | { readonly format: 'json'; readonly roster: JsonRoster };

export interface RequestRosterImportCommand {
  readonly scope: TenancyScope;
  readonly requestedBy: string;
  readonly schoolId: string;
  readonly schoolYear: string;
  readonly upload: RosterUpload;
  readonly idempotencyKey: string | null;
  readonly correlationId?: string;
}

export interface RequestedImport {
  readonly importId: string;
  /** false when the idempotency key named an earlier upload (nothing new was stored). */
  readonly created: boolean;
}

/**
 * Accepts a roster upload for a school in the caller's scope: stores it (Postgres) and queues the import job,
 * which does the real work. Refuses what can be refused at once (unknown school, bad school year, empty or
 * non-UTF-8 file); everything about the rows is reported by the job.
 */
@Injectable()
export class RequestRosterImportUseCase {
  private readonly logger = new Logger('RequestRosterImport');

  constructor(
    private readonly schools: SchoolRepository,
    private readonly imports: RosterImportRepository,
    private readonly queue: RosterImportQueue,
  ) {}

  async execute(command: RequestRosterImportCommand): Promise<RequestedImport> {
    const school = await this.schools.findInScope(command.scope, command.schoolId);
    if (!school) throw DomainError.notFound(ROSTER_MESSAGES.schoolNotFound);
    const year = parseSchoolYear(command.schoolYear);
    if (!year) {
      throw DomainError.invalid(ROSTER_MESSAGES.invalidInput, [
        { field: 'schoolYear', messages: [ROSTER_MESSAGES.schoolYear] },
      ]);
    }
    const content = this.contentOf(command.upload);
    const { id, created } = await this.imports.create({
      id: randomUUID(),
      schoolId: school.id,
      schoolYear: year.label,
      format: command.upload.format,
      content,
      requestedBy: command.requestedBy,
      correlationId: command.correlationId ?? randomUUID(),
      idempotencyKey: command.idempotencyKey,
    });
    try {
      // Also for a repeated key: the deterministic job id makes it a no-op unless the first enqueue was lost.
      await this.queue.enqueue(id);
    } catch (error) {
      this.logger.warn(
        `roster import ${id} not queued: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (created) await this.imports.markFailed(id, 'queue unavailable', false).catch(() => undefined);
      throw new DomainError('unavailable', ROSTER_MESSAGES.queueUnavailable);
    }
    return { importId: id, created };
  }

  private contentOf(upload: RosterUpload): string {
    if (upload.format === 'json') return JSON.stringify(upload.roster);
    const text = upload.text.replace(/^\uFEFF/, '');
    if (text.trim() === '') {
      throw DomainError.invalid(ROSTER_MESSAGES.emptyUpload, [
        { field: 'body', messages: [ROSTER_MESSAGES.emptyUpload] },
      ]);
    }
    // The body parser decodes UTF-8 and turns invalid bytes into U+FFFD: a Windows-1252 export, most likely.
    if (text.includes('\uFFFD') || text.includes('\u0000')) {
      throw DomainError.invalid(ROSTER_MESSAGES.notUtf8, [
        { field: 'body', messages: [ROSTER_MESSAGES.notUtf8] },
      ]);
    }
    return text;
  }
}
