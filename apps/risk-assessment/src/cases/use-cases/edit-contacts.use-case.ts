import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TenancyScope } from '@meldpunt/auth';
import type { Activity, ContactKind } from '@meldpunt/contracts';
import { CaseAssessor } from '../case-assessor';
import { CaseChanges, timelineEntry } from '../case-changes';
import { CaseError } from '../cases.errors';
import { MESSAGES } from '../cases.messages';
import { ContactRepository } from '../contact.repository';
import type { ContactType, ManualExposureKind } from '../domain/case-types';
import { CaseExposureMember } from '../entities/case-exposure-member.entity';
import { CaseExposure } from '../entities/case-exposure.entity';
import { ExposureRepository } from '../exposure.repository';

export interface AddExposureCommand {
  readonly kind: ManualExposureKind;
  /** Required for kind activity (excursion, bus, sports …). */
  readonly activity?: Activity;
  readonly label?: string;
  readonly lastContactDate: string;
}

export interface NewContact {
  /** Pseudonymous ref from the roster (pupil, staff); left out for an external person (an id is made). */
  readonly ref?: string;
  readonly kind: ContactKind;
  /** Default: from the exposure (activity → activity, household → household, class → classmate/teacher). */
  readonly type?: ContactType;
  /** Default: the exposure's last-contact date. */
  readonly lastContactDate?: string;
  /** For an external person (`gezinslid 1`): never a name. */
  readonly label?: string;
}

export interface AddContactsCommand {
  readonly exposureId: string;
  readonly contacts: readonly NewContact[];
}

/**
 * Hand edits of a case's exposures and contacts. An exposure (activity, household …) gets contacts added by hand;
 * a contact added again after removal comes back. Removing a contact keeps it (struck through) so a re-expanded
 * class never brings it back. Adding or removing contacts reopens a decided case; an empty exposure does not.
 */
@Injectable()
export class EditContactsUseCase {
  constructor(
    private readonly changes: CaseChanges,
    private readonly exposures: ExposureRepository,
    private readonly contacts: ContactRepository,
    private readonly assessor: CaseAssessor,
  ) {}

  async addExposure(scope: TenancyScope, caseId: string, command: AddExposureCommand): Promise<string> {
    if (command.kind === 'activity' && command.activity === undefined) {
      throw CaseError.invalid(MESSAGES.invalidInput, [
        { field: 'activity', messages: [MESSAGES.activityRequired] },
      ]);
    }
    if (command.kind !== 'activity' && command.activity !== undefined) {
      throw CaseError.invalid(MESSAGES.invalidInput, [
        { field: 'activity', messages: [MESSAGES.activityOnlyForActivity] },
      ]);
    }
    const userId = scope.principal.userId;
    return this.changes.apply(scope, caseId, async (manager, riskCase, now) => {
      const exposure = Object.assign(new CaseExposure(), {
        id: randomUUID(),
        caseId: riskCase.id,
        kind: command.kind,
        groupId: null,
        activity: command.activity ?? null,
        label: command.label?.trim() || null,
        level: null,
        lastContactDate: command.lastContactDate,
        awaitingRoster: false,
        source: 'manual',
        createdAt: now,
      } satisfies CaseExposure);
      await this.exposures.insertExposures(manager, [exposure]);
      return {
        result: exposure.id,
        timeline: [
          timelineEntry(riskCase, 'exposure-added', userId, now, {
            exposureId: exposure.id,
            kind: exposure.kind,
            activity: exposure.activity,
          }),
        ],
        reopens: false,
      };
    });
  }

  async addContacts(scope: TenancyScope, caseId: string, command: AddContactsCommand): Promise<void> {
    const userId = scope.principal.userId;
    await this.changes.apply(scope, caseId, async (manager, riskCase, now) => {
      const exposure = (await this.exposures.exposuresOf(manager, caseId)).find(
        (candidate) => candidate.id === command.exposureId,
      );
      if (!exposure) {
        throw CaseError.invalid(MESSAGES.invalidInput, [
          { field: 'exposureId', messages: [MESSAGES.unknownExposure] },
        ]);
      }
      const index = command.contacts.findIndex((contact) => contact.ref === riskCase.subjectRef);
      if (index >= 0) {
        throw CaseError.invalid(MESSAGES.invalidInput, [
          { field: `contacts[${index}].ref`, messages: [MESSAGES.indexIsNoContact] },
        ]);
      }
      const members = command.contacts.map((contact) =>
        Object.assign(new CaseExposureMember(), {
          exposureId: exposure.id,
          contactRef: contact.ref ?? randomUUID(),
          caseId: riskCase.id,
          contactKind: contact.kind,
          contactType: contact.type ?? null,
          lastContactDate: contact.lastContactDate ?? null,
          source: 'manual',
          label: contact.label?.trim() || null,
        } satisfies CaseExposureMember),
      );
      await this.exposures.addMembers(manager, members, true);
      // A person removed earlier and added again is a contact again.
      const refs = new Set(members.map((member) => member.contactRef));
      const returning = (await this.contacts.contactsOf(manager, caseId)).filter(
        (contact) => refs.has(contact.contactRef) && contact.removedAt !== null,
      );
      for (const contact of returning) Object.assign(contact, { removedAt: null, removedBy: null });
      await this.contacts.upsertContacts(manager, returning);
      await this.assessor.reassess(manager, riskCase);
      return {
        result: undefined,
        timeline: [
          timelineEntry(riskCase, 'contacts-added', userId, now, {
            exposureId: exposure.id,
            contactRefs: members.map((member) => member.contactRef),
          }),
        ],
        reopens: true,
      };
    });
  }

  async removeContact(scope: TenancyScope, caseId: string, contactId: string): Promise<void> {
    const userId = scope.principal.userId;
    await this.changes.apply(scope, caseId, async (manager, riskCase, now) => {
      const [contact] = await this.contacts.findContacts(manager, caseId, [contactId]);
      if (!contact) throw CaseError.notFound(MESSAGES.notFound);
      if (contact.removedAt !== null) return { result: undefined, timeline: [], reopens: false };
      Object.assign(contact, { removedAt: now, removedBy: userId });
      await this.contacts.upsertContacts(manager, [contact]);
      await this.assessor.reassess(manager, riskCase);
      return {
        result: undefined,
        timeline: [
          timelineEntry(riskCase, 'contact-removed', userId, now, {
            contactId: contact.id,
            contactRef: contact.contactRef,
          }),
        ],
        reopens: true,
      };
    });
  }
}
