import type { ContactChannel, SchoolLevel } from '@meldpunt/contracts';
import {
  channelFor,
  mergeByAddress,
  type PlannedChild,
  type PlannedRecipient,
  type PlanningGuardian,
} from '../../letters/planning/plan-letters';

/** A group of the audience directory, as the planner needs it. */
export interface AudienceGroup {
  readonly id: string;
  readonly schoolId: string;
  readonly level: SchoolLevel;
  readonly pupilRefs: readonly string[];
}

export interface AudienceChoice {
  readonly schoolIds: readonly string[];
  /** Empty: every group of the schools. */
  readonly groupIds: readonly string[];
  /** Empty: every level. */
  readonly levels: readonly SchoolLevel[];
}

/**
 * The pupils of a campaign, per school: the pupils of the chosen schools' groups, narrowed to the chosen groups
 * and to groups of the chosen levels (both when both are given). A pupil in two chosen groups counts once.
 */
export function selectAudience(
  groups: readonly AudienceGroup[],
  choice: AudienceChoice,
): Map<string, string[]> {
  const schools = new Set(choice.schoolIds);
  const groupIds = new Set(choice.groupIds);
  const levels = new Set<SchoolLevel>(choice.levels);
  const bySchool = new Map<string, Set<string>>();
  for (const schoolId of choice.schoolIds) bySchool.set(schoolId, new Set());
  for (const group of groups) {
    if (!schools.has(group.schoolId)) continue;
    if (groupIds.size > 0 && !groupIds.has(group.id)) continue;
    if (levels.size > 0 && !levels.has(group.level)) continue;
    const pupils = bySchool.get(group.schoolId) ?? new Set<string>();
    for (const pupilRef of group.pupilRefs) pupils.add(pupilRef);
    bySchool.set(group.schoolId, pupils);
  }
  return new Map([...bySchool].map(([schoolId, pupils]) => [schoolId, [...pupils].sort()]));
}

/** One campaign letter: one guardian address on one channel in one school. */
export interface CampaignPlannedMessage {
  readonly schoolId: string;
  readonly channel: ContactChannel;
  /** The guardian whose name, language and address the letter uses (smallest ref behind the address). */
  readonly guardianRef: string;
  readonly pupilRef: string;
  readonly language: string;
  readonly children: readonly PlannedChild[];
  readonly recipients: readonly PlannedRecipient[];
}

export interface CampaignLanguageCount {
  readonly language: string;
  readonly email: number;
  readonly sms: number;
}

export interface CampaignPlan {
  readonly messages: readonly CampaignPlannedMessage[];
  readonly pupils: number;
  readonly byLanguage: readonly CampaignLanguageCount[];
  /** Opted-out mobile numbers without an e-mail address: they get nothing. */
  readonly optedOut: number;
  /** Pupils without any letter for another reason: no guardian on record, or no usable address. */
  readonly unreachable: number;
}

/**
 * Which letters a campaign needs (pure): per school, the guardians of the audience's pupils merged by address on
 * their channel exactly as a decision's letters are (mergeByAddress: siblings' parents get ONE letter naming
 * every child). The preferred channel when it has an address, else the other; an SMS number that sent STOP
 * counts as no SMS address (information campaigns respect it), so such a guardian gets e-mail when they have one
 * and is counted `optedOut` otherwise.
 */
export function planCampaign(
  audience: ReadonlyMap<string, readonly string[]>,
  guardiansBySchool: ReadonlyMap<string, readonly PlanningGuardian[]>,
  optedOutNumbers: ReadonlySet<string>,
): CampaignPlan {
  const messages: CampaignPlannedMessage[] = [];
  const optedOut = new Set<string>();
  let pupilCount = 0;
  let unreachable = 0;
  for (const [schoolId, pupilRefs] of audience) {
    pupilCount += pupilRefs.length;
    const inAudience = new Set(pupilRefs);
    const guardians = (guardiansBySchool.get(schoolId) ?? []).filter((guardian) =>
      inAudience.has(guardian.pupilRef),
    );
    const { groups, withoutAddress } = mergeByAddress(guardians, (guardian) => {
      const mobile = guardian.contact.mobile?.trim() || null;
      const blocked = mobile !== null && optedOutNumbers.has(mobile);
      return channelFor(blocked ? { ...guardian.contact, mobile: null } : guardian.contact);
    });
    const reached = new Set<string>();
    const blockedPupils = new Set<string>();
    for (const guardian of withoutAddress) {
      const mobile = guardian.contact.mobile?.trim() || null;
      if (mobile !== null && optedOutNumbers.has(mobile)) {
        optedOut.add(mobile);
        blockedPupils.add(guardian.pupilRef);
      }
    }
    for (const group of groups) {
      const lead = group.guardians[0];
      if (!lead) continue;
      const children = new Map<string, PlannedChild>();
      for (const guardian of group.guardians) {
        reached.add(guardian.pupilRef);
        if (!children.has(guardian.pupilRef))
          children.set(guardian.pupilRef, {
            pupilRef: guardian.pupilRef,
            guardianRef: guardian.guardianRef,
            measures: [],
            changed: false,
          });
      }
      messages.push({
        schoolId,
        channel: group.channel,
        guardianRef: lead.guardianRef,
        pupilRef: lead.pupilRef,
        language: lead.contact.language,
        children: [...children.values()],
        recipients: group.guardians.map((guardian) => ({
          pupilRef: guardian.pupilRef,
          guardianRef: guardian.guardianRef,
        })),
      });
    }
    for (const pupilRef of pupilRefs)
      if (!reached.has(pupilRef) && !blockedPupils.has(pupilRef)) unreachable += 1;
  }
  messages.sort(
    (a, b) =>
      a.schoolId.localeCompare(b.schoolId) ||
      a.guardianRef.localeCompare(b.guardianRef) ||
      a.channel.localeCompare(b.channel),
  );
  const languages = new Map<string, { email: number; sms: number }>();
  for (const message of messages) {
    const count = languages.get(message.language) ?? { email: 0, sms: 0 };
    count[message.channel] += 1;
    languages.set(message.language, count);
  }
  return {
    messages,
    pupils: pupilCount,
    byLanguage: [...languages]
      .map(([language, count]) => ({ language, ...count }))
      .sort((a, b) => b.email + b.sms - (a.email + a.sms) || a.language.localeCompare(b.language)),
    optedOut: optedOut.size,
    unreachable,
  };
}
