import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { EntityManager } from 'typeorm';
import { CaseAssessor } from '../case-assessor';
import { CaseChanges, timelineEntry } from '../case-changes';
import { CaseError } from '../cases.errors';
import { MESSAGES } from '../cases.messages';
import { ContactRepository } from '../contact.repository';
import type { RiskLevel } from '../domain/case-types';
import type { CaseContact } from '../entities/case-contact.entity';
import type { CaseTimelineEntry } from '../entities/case-timeline-entry.entity';

export interface ReclassifyCommand {
  readonly contactIds: readonly string[];
  /** Override the proposal's risk (a reason is required). */
  readonly risk?: RiskLevel;
  readonly reason?: string;
  /** Back to the proposal: the override is dropped. */
  readonly clearOverride?: boolean;
  /** Record vaccination/immunity (null: unknown): the protocol proposes again with it. */
  readonly vaccinated?: boolean | null;
}

/**
 * Bulk change of selected contacts: an override (risk + mandatory reason; measures follow effectiveOf: none
 * clears them, another risk keeps the proposal's, flagged for checking), dropping overrides, or recording
 * vaccination, after which the protocol proposes again. Every change reopens a decided case.
 */
@Injectable()
export class ReclassifyContactsUseCase {
  constructor(
    private readonly changes: CaseChanges,
    private readonly contacts: ContactRepository,
    private readonly assessor: CaseAssessor,
  ) {}

  async execute(scope: TenancyScope, caseId: string, command: ReclassifyCommand): Promise<void> {
    const reason = command.reason?.trim() ?? '';
    if (command.risk === undefined && !command.clearOverride && command.vaccinated === undefined) {
      throw CaseError.invalid(MESSAGES.invalidInput, [
        { field: 'risk', messages: [MESSAGES.nothingToChange] },
      ]);
    }
    if (command.risk !== undefined && reason.length === 0) {
      throw CaseError.invalid(MESSAGES.invalidInput, [
        { field: 'reason', messages: [MESSAGES.reasonRequired] },
      ]);
    }
    const userId = scope.principal.userId;
    await this.changes.apply(scope, caseId, async (manager, riskCase, now) => {
      const selected = await this.selected(manager, caseId, command.contactIds);
      const entries: CaseTimelineEntry[] = [];
      const ids = selected.map((contact) => contact.id);
      for (const contact of selected) {
        if (command.vaccinated !== undefined) contact.vaccinated = command.vaccinated;
        if (command.clearOverride) contact.override = null;
        if (command.risk !== undefined) {
          contact.override = { risk: command.risk, reason, by: userId, at: now.toISOString() };
        }
      }
      await this.contacts.upsertContacts(manager, selected);
      if (command.vaccinated !== undefined) {
        entries.push(
          timelineEntry(riskCase, 'facts-recorded', userId, now, {
            contactIds: ids,
            vaccinated: command.vaccinated,
          }),
        );
      }
      if (command.risk !== undefined || command.clearOverride) {
        entries.push(
          timelineEntry(riskCase, 'reclassified', userId, now, {
            contactIds: ids,
            risk: command.risk ?? null,
            reason: command.risk !== undefined ? reason : null,
            cleared: command.clearOverride === true && command.risk === undefined,
          }),
        );
      }
      // Proposals again (vaccination changes them) and the effective risks and counts.
      await this.assessor.reassess(manager, riskCase);
      return { result: undefined, timeline: entries, reopens: true };
    });
  }

  private async selected(
    manager: EntityManager,
    caseId: string,
    ids: readonly string[],
  ): Promise<CaseContact[]> {
    const unique = [...new Set(ids)];
    const found = await this.contacts.findContacts(manager, caseId, unique);
    if (found.length !== unique.length) {
      throw CaseError.invalid(MESSAGES.invalidInput, [
        { field: 'contactIds', messages: [MESSAGES.unknownContacts] },
      ]);
    }
    if (found.some((contact) => contact.removedAt !== null)) {
      throw CaseError.invalid(MESSAGES.invalidInput, [
        { field: 'contactIds', messages: [MESSAGES.removedContacts] },
      ]);
    }
    return found;
  }
}
