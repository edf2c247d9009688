import { DECIDED_RISKS, type RiskMeasuresDecidedV1, type SchoolNoticeIssuedV1 } from '@meldpunt/contracts';

export type NoticeClass = SchoolNoticeIssuedV1['classes'][number];

/** Exposures a school notice is about: the school's own classes, groups, living groups and activities. */
const SCHOOL_EXPOSURE_KINDS: ReadonlySet<string> = new Set(['class', 'group', 'living-group', 'activity']);

/**
 * The anonymised class notice of a decision: per class (group, living group, activity) the pupils and staff
 * members counted per risk and identical measures. Only pupils and staff (external contacts are not the school's);
 * nothing per person, not even a ref. Classes without contacts in this decision are left out. Empty when the
 * decision carries no exposures (an older producer) or none is the school's.
 */
export function buildSchoolNotice(decision: RiskMeasuresDecidedV1): NoticeClass[] {
  const exposures = (decision.exposures ?? []).filter((exposure) => SCHOOL_EXPOSURE_KINDS.has(exposure.kind));
  const classes: NoticeClass[] = [];
  for (const exposure of exposures) {
    const members = decision.contacts.filter(
      (contact) =>
        contact.contactKind !== 'external' && (contact.exposureIds ?? []).includes(exposure.exposureId),
    );
    if (members.length === 0) continue;
    const groups = new Map<string, NoticeClass['groups'][number]>();
    for (const contact of members) {
      const measures = contact.measures.map((measure) => ({ ...measure }));
      const key = JSON.stringify([contact.risk, measures]);
      const group = groups.get(key) ?? { risk: contact.risk, pupils: 0, staff: 0, measures };
      if (contact.contactKind === 'pupil') group.pupils += 1;
      else group.staff += 1;
      groups.set(key, group);
    }
    classes.push({
      kind: exposure.kind,
      groupId: exposure.groupId,
      activity: exposure.activity,
      lastContactDate: exposure.lastContactDate,
      changed: members.some((contact) => contact.changed),
      // Most pressing first, as on the letters.
      groups: [...groups.values()].sort(
        (a, b) => DECIDED_RISKS.indexOf(a.risk) - DECIDED_RISKS.indexOf(b.risk),
      ),
    });
  }
  return classes;
}
