import { Inject, Injectable } from '@nestjs/common';
import type { GuardianContactV1 } from '@meldpunt/contracts';
import { ClbReplica, SchoolReplica } from '@meldpunt/platform';
import { DataSource } from 'typeorm';
import { GuardianContactRepository, type StoredGuardian } from '../contacts/guardian-contact.repository';
import {
  LETTER_RENDERING,
  type ChildForLetter,
  type LetterInput,
  type LetterRendering,
  type RenderedLetter,
  type RenderOptions,
} from '../templates/letter-renderer.types';
import type { LetterMessage } from './letter-message.entity';
import { FAILURE_REASONS, LETTERS_MESSAGES } from './letters.messages';

export interface ComposedLetter {
  /** The address on the message's channel. */
  readonly to: string;
  /** The guardian whose name, language and address the letter uses. */
  readonly lead: GuardianContactV1;
  readonly letter: RenderedLetter;
}

/**
 * Renders one message's letter from its refs: names and addresses from the encrypted contact store, school and CLB
 * names from the directory replica. Used to send it (send-letter) and to show it behind its link (public letters).
 */
@Injectable()
export class LetterComposer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: GuardianContactRepository,
    @Inject(LETTER_RENDERING) private readonly renderer: LetterRendering,
  ) {}

  /** The lead guardian's current contact details, or null when they were removed. */
  async leadOf(message: LetterMessage): Promise<GuardianContactV1 | null> {
    const guardians = await this.contacts.guardiansOf(message.schoolId, [message.pupilRef]);
    return guardians.find((guardian) => guardian.guardianRef === message.guardianRef)?.contact ?? null;
  }

  /** The address and the rendered letter, or why the letter cannot be sent at all (a Dutch reason for staff). */
  async compose(
    message: LetterMessage,
    letterUrl: string,
    options: RenderOptions = {},
  ): Promise<ComposedLetter | string> {
    const guardians = await this.contacts.guardiansOf(message.schoolId, [
      ...new Set([message.pupilRef, ...message.children.map((child) => child.pupilRef)]),
    ]);
    const byKey = new Map(
      guardians.map((guardian) => [`${guardian.pupilRef}/${guardian.guardianRef}`, guardian]),
    );
    const lead = byKey.get(`${message.pupilRef}/${message.guardianRef}`)?.contact;
    if (!lead) return FAILURE_REASONS.contactRemoved;
    const to = message.channel === 'email' ? lead.email : lead.mobile;
    if (!to) return FAILURE_REASONS.noAddress;
    const children = message.children.flatMap((child): ChildForLetter[] => {
      const named: StoredGuardian | undefined =
        byKey.get(`${child.pupilRef}/${child.guardianRef}`) ??
        guardians.find((guardian) => guardian.pupilRef === child.pupilRef);
      if (!named) return [];
      return [
        {
          firstName: named.contact.pupilFirstName,
          lastName: named.contact.pupilLastName,
          measures: child.measures,
          changed: child.changed,
        },
      ];
    });
    const [school, clb] = await Promise.all([
      this.dataSource.getRepository(SchoolReplica).findOneBy({ id: message.schoolId }),
      this.dataSource.getRepository(ClbReplica).findOneBy({ id: message.clbId }),
    ]);
    const input: LetterInput = {
      kind: message.kind,
      disease: message.disease,
      language: lead.language,
      guardianName: lead.name,
      schoolName: school?.name ?? LETTERS_MESSAGES.unknownSchool,
      clbName: clb?.name ?? LETTERS_MESSAGES.unknownClb,
      children,
      isUpdate: message.isUpdate,
      letterUrl,
      letterId: message.id,
      issuedAt: message.decidedAt.toISOString(),
    };
    return { to, lead, letter: await this.renderer.render(input, options) };
  }
}
