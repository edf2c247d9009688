import type { RosterGroup } from '../rosters/roster-group.entity';
import { CaseExposureMember } from './entities/case-exposure-member.entity';
import type { CaseExposure } from './entities/case-exposure.entity';

/** The pupils and staff of a roster group as members of an exposure (copied: the contact list does not shift). */
export function membersOf(exposure: CaseExposure, group: RosterGroup): CaseExposureMember[] {
  const member = (ref: string, kind: 'pupil' | 'staff') =>
    Object.assign(new CaseExposureMember(), {
      exposureId: exposure.id,
      contactRef: ref,
      caseId: exposure.caseId,
      contactKind: kind,
      contactType: null,
      lastContactDate: null,
      source: 'roster',
      label: null,
    } satisfies CaseExposureMember);
  return [
    ...group.pupilRefs.map((ref) => member(ref, 'pupil')),
    ...group.staffRefs.map((ref) => member(ref, 'staff')),
  ];
}
