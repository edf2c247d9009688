import type { ContactKind, SchoolLevel } from '@meldpunt/contracts';
import type { ContactType, ExposureKind } from './case-types';

/** A person in an exposure (see CaseExposureMember). */
export interface ExposureMemberInput {
  readonly ref: string;
  readonly kind: ContactKind;
  /** Set for members added by hand; null: derived from the exposure (classmate, teacher …). */
  readonly type: ContactType | null;
  /** Set for members added by hand with their own date; null: the exposure's date. */
  readonly lastContactDate: string | null;
  readonly label: string | null;
}

export interface ExposureInput {
  readonly id: string;
  readonly kind: ExposureKind;
  /** YYYY-MM-DD. */
  readonly lastContactDate: string;
  readonly level: SchoolLevel;
  readonly members: readonly ExposureMemberInput[];
}

/** One contact of a case, merged over every exposure the person was in. */
export interface ExpandedContact {
  readonly ref: string;
  readonly kind: ContactKind;
  readonly type: ContactType;
  readonly level: SchoolLevel;
  /** The latest last-contact date over all the person's exposures. */
  readonly lastContactDate: string;
  readonly exposureIds: readonly string[];
  readonly label: string | null;
}

/** Closest contact first: when a person was in several exposures, the closest type is theirs. */
export const CONTACT_TYPE_PRECEDENCE: readonly ContactType[] = [
  'household',
  'boarding-group',
  'classmate',
  'teacher',
  'activity',
];

/** The contact type a member of an exposure gets when none was given by hand. */
export function contactTypeOf(exposure: ExposureKind, member: ContactKind): ContactType {
  switch (exposure) {
    case 'class':
    case 'group':
      return member === 'staff' ? 'teacher' : 'classmate';
    case 'living-group':
      return member === 'staff' ? 'teacher' : 'boarding-group';
    case 'household':
      return 'household';
    case 'activity':
    case 'other':
      return 'activity';
  }
}

interface Membership {
  readonly exposureId: string;
  readonly kind: ContactKind;
  readonly type: ContactType;
  readonly level: SchoolLevel;
  readonly lastContactDate: string;
  readonly label: string | null;
}

const rank = (type: ContactType) => CONTACT_TYPE_PRECEDENCE.indexOf(type);

/**
 * A class is one exposure: every member of every exposure becomes a contact in one step. A person in several
 * exposures is one contact with the latest last-contact date and the closest contact type (household before
 * boarding group before classmate before teacher before activity; the level is that exposure's). The index person
 * is never their own contact. Ordered by contact type, then ref, so the list is stable.
 */
export function expandContacts(indexRef: string, exposures: readonly ExposureInput[]): ExpandedContact[] {
  const byRef = new Map<string, Membership[]>();
  for (const exposure of exposures) {
    for (const member of exposure.members) {
      if (member.ref === indexRef) continue;
      const list = byRef.get(member.ref) ?? [];
      list.push({
        exposureId: exposure.id,
        kind: member.kind,
        type: member.type ?? contactTypeOf(exposure.kind, member.kind),
        level: exposure.level,
        lastContactDate: member.lastContactDate ?? exposure.lastContactDate,
        label: member.label,
      });
      byRef.set(member.ref, list);
    }
  }
  const contacts: ExpandedContact[] = [];
  for (const [ref, memberships] of byRef) {
    // Closest type first; among equals the latest date (its level is the one that counts).
    const ordered = [...memberships].sort(
      (a, b) => rank(a.type) - rank(b.type) || b.lastContactDate.localeCompare(a.lastContactDate),
    );
    const closest = ordered[0];
    if (!closest) continue;
    const latest = memberships.reduce(
      (max, membership) => (membership.lastContactDate > max ? membership.lastContactDate : max),
      closest.lastContactDate,
    );
    contacts.push({
      ref,
      // A roster member is a pupil or staff member; only someone known nowhere else stays external.
      kind: memberships.find((membership) => membership.kind !== 'external')?.kind ?? 'external',
      type: closest.type,
      level: closest.level,
      lastContactDate: latest,
      exposureIds: [...new Set(memberships.map((membership) => membership.exposureId))],
      label: memberships.find((membership) => membership.label !== null)?.label ?? null,
    });
  }
  return contacts.sort((a, b) => rank(a.type) - rank(b.type) || a.ref.localeCompare(b.ref));
}
