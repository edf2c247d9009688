import type {
  ContactChannel,
  DecidedMeasureV1,
  GuardianContactV1,
  RiskMeasuresDecidedV1,
} from '@meldpunt/contracts';
import type { LetterKind } from '../../templates/letter-renderer.types';
import { letterKindOf, mostPressing } from './letter-kind';

/** A guardian of a pupil with opened contact details (what the contact store gives the planner). */
export interface PlanningGuardian {
  readonly pupilRef: string;
  readonly guardianRef: string;
  readonly contact: GuardianContactV1;
}

/** A child a letter is about: refs and measures only (names are read from the contact store at send time). */
export interface PlannedChild {
  readonly pupilRef: string;
  /** The guardian row the child's name is read from. */
  readonly guardianRef: string;
  readonly measures: readonly DecidedMeasureV1[];
  readonly changed: boolean;
}

/** Who a letter reaches: every (pupil, guardian) pair behind one address gets a delivery update. */
export interface PlannedRecipient {
  readonly pupilRef: string;
  readonly guardianRef: string;
}

export interface PlannedMessage {
  readonly channel: ContactChannel;
  /** The guardian whose name, language and address the letter uses (the smallest ref of the group). */
  readonly guardianRef: string;
  readonly pupilRef: string;
  readonly kind: LetterKind;
  readonly isUpdate: boolean;
  readonly children: readonly PlannedChild[];
  readonly recipients: readonly PlannedRecipient[];
}

export interface PlannedUnreachable {
  readonly contactRef: string;
  /** null: no guardian at all (a staff member or external contact, or a pupil without guardians on record). */
  readonly guardianRef: string | null;
  readonly reason: 'staff-or-external' | 'no-guardian' | 'no-usable-contact';
}

export interface LetterPlan {
  readonly messages: readonly PlannedMessage[];
  readonly unreachable: readonly PlannedUnreachable[];
}

export class UnknownLetterKindError extends Error {
  constructor(readonly letterKind: string) {
    super(`no templates for letter kind ${letterKind}`);
    this.name = 'UnknownLetterKindError';
  }
}

/** The preferred channel when its address is there, else the other one, else null. */
export function channelFor(contact: GuardianContactV1): { channel: ContactChannel; address: string } | null {
  const email = contact.email?.trim().toLowerCase() || null;
  const mobile = contact.mobile?.trim() || null;
  const byChannel = { email, sms: mobile } as const;
  const order: readonly ContactChannel[] =
    contact.preferredChannel === 'email' ? ['email', 'sms'] : ['sms', 'email'];
  for (const channel of order) {
    const address = byChannel[channel];
    if (address) return { channel, address };
  }
  return null;
}

/** The other channel, when this contact has an address for it (the fallback after a failed letter). */
export function fallbackChannel(contact: GuardianContactV1, failed: ContactChannel): ContactChannel | null {
  if (failed === 'email') return contact.mobile ? 'sms' : null;
  return contact.email ? 'email' : null;
}

/** The guardians behind one address on one channel (smallest guardian ref first): they get ONE letter. */
export interface AddressGroup<G extends PlanningGuardian = PlanningGuardian> {
  readonly channel: ContactChannel;
  readonly address: string;
  readonly guardians: G[];
}

/**
 * Merges guardians by address on the channel `route` picks for each (the parents of siblings: intake gives every
 * pupil's guardian its own ref, so one household has several rows with the same address). Guardians `route` gives
 * no address are returned apart. Groups keep the order of their first guardian, guardians sorted by ref; the same
 * merge serves a decision's letters and a campaign's.
 */
export function mergeByAddress<G extends PlanningGuardian>(
  guardians: readonly G[],
  route: (guardian: G) => { channel: ContactChannel; address: string } | null,
): { groups: AddressGroup<G>[]; withoutAddress: G[] } {
  const groups = new Map<string, AddressGroup<G>>();
  const withoutAddress: G[] = [];
  const sorted = [...guardians].sort((a, b) => a.guardianRef.localeCompare(b.guardianRef));
  for (const guardian of sorted) {
    const found = route(guardian);
    if (!found) {
      withoutAddress.push(guardian);
      continue;
    }
    const key = `${found.channel}|${found.address}`;
    const group = groups.get(key) ?? { channel: found.channel, address: found.address, guardians: [] };
    group.guardians.push(guardian);
    groups.set(key, group);
  }
  return { groups: [...groups.values()], withoutAddress };
}

/**
 * Which letters a decision needs (pure): for every contact with a letter, the guardians of the pupil; guardians
 * behind the same address on the same channel (the parents of siblings: intake gives every pupil's guardian its
 * own ref) get ONE letter covering all their children in this decision. Only letters about at least one
 * changed child are planned, so a new decision version reaches only the guardians whose children's measures
 * changed (an unchanged sibling is still listed in that letter, marked unchanged). Contacts that cannot be
 * written to are `unreachable`: staff and external contacts (no guardians: letters to staff are a follow-up),
 * pupils without guardians, guardians without a usable address.
 */
export function planLetters(
  decision: RiskMeasuresDecidedV1,
  guardians: readonly PlanningGuardian[],
): LetterPlan {
  const unreachable: PlannedUnreachable[] = [];
  const withLetter = decision.contacts.filter((contact) => contact.letterKind !== null);
  const kindByPupil = new Map<string, LetterKind>();
  const contactByRef = new Map(withLetter.map((contact) => [contact.contactRef, contact]));
  for (const contact of withLetter) {
    const kind = letterKindOf(contact.letterKind ?? '');
    if (!kind) throw new UnknownLetterKindError(contact.letterKind ?? '');
    if (contact.contactKind !== 'pupil') {
      if (contact.changed)
        unreachable.push({ contactRef: contact.contactRef, guardianRef: null, reason: 'staff-or-external' });
      continue;
    }
    kindByPupil.set(contact.contactRef, kind);
  }

  const concerned = guardians.filter((guardian) => kindByPupil.has(guardian.pupilRef));
  const pupilsWithGuardian = new Set(concerned.map((guardian) => guardian.pupilRef));
  const { groups, withoutAddress } = mergeByAddress(concerned, (guardian) => channelFor(guardian.contact));
  for (const guardian of withoutAddress)
    if (contactByRef.get(guardian.pupilRef)?.changed)
      unreachable.push({
        contactRef: guardian.pupilRef,
        guardianRef: guardian.guardianRef,
        reason: 'no-usable-contact',
      });
  for (const [pupilRef] of kindByPupil)
    if (!pupilsWithGuardian.has(pupilRef) && contactByRef.get(pupilRef)?.changed)
      unreachable.push({ contactRef: pupilRef, guardianRef: null, reason: 'no-guardian' });

  const messages: PlannedMessage[] = [];
  for (const group of groups) {
    const children = new Map<string, PlannedChild>();
    for (const guardian of group.guardians) {
      if (children.has(guardian.pupilRef)) continue;
      const contact = contactByRef.get(guardian.pupilRef);
      if (!contact) continue;
      children.set(guardian.pupilRef, {
        pupilRef: guardian.pupilRef,
        guardianRef: guardian.guardianRef,
        measures: contact.measures,
        changed: contact.changed,
      });
    }
    const childList = [...children.values()];
    if (!childList.some((child) => child.changed)) continue;
    const lead = group.guardians[0];
    if (!lead) continue;
    messages.push({
      channel: group.channel,
      guardianRef: lead.guardianRef,
      pupilRef: lead.pupilRef,
      kind: mostPressing(childList.map((child) => kindByPupil.get(child.pupilRef) ?? 'information')),
      isUpdate: decision.decisionVersion > 1,
      children: childList,
      recipients: group.guardians.map((guardian) => ({
        pupilRef: guardian.pupilRef,
        guardianRef: guardian.guardianRef,
      })),
    });
  }
  messages.sort((a, b) => a.guardianRef.localeCompare(b.guardianRef) || a.channel.localeCompare(b.channel));
  return { messages, unreachable };
}

/** `<caseId>-v<version>-<guardianRef>-<channel>`: the message's deterministic key and BullMQ job id (no `:`). */
export function messageKey(
  caseId: string,
  version: number,
  guardianRef: string,
  channel: ContactChannel,
): string {
  return `${caseId}-v${version}-${guardianRef}-${channel}`;
}

/** `c<campaignId>-<guardianRef>-<channel>`: a campaign letter's deterministic key and BullMQ job id (no `:`). */
export function campaignMessageKey(campaignId: string, guardianRef: string, channel: ContactChannel): string {
  return `c${campaignId}-${guardianRef}-${channel}`;
}

/** The key of a message's letter on another channel (its fallback): a campaign's or a decision's. */
export function keyOnChannel(
  message: {
    readonly campaignId: string | null;
    readonly caseId: string | null;
    readonly decisionVersion: number | null;
    readonly guardianRef: string;
  },
  channel: ContactChannel,
): string {
  if (message.campaignId !== null)
    return campaignMessageKey(message.campaignId, message.guardianRef, channel);
  return messageKey(message.caseId ?? '', message.decisionVersion ?? 0, message.guardianRef, channel);
}
