import { Injectable } from '@nestjs/common';
import {
  CONTRACTS,
  GUARDIAN_CONTACT_SCHEME,
  TOPICS,
  type EventEnvelope,
  type GuardianContactsChangedV1,
} from '@meldpunt/contracts';
import { createEnvelope } from '@meldpunt/messaging';
import { PRODUCER, type EventContext } from '../registry/registry-events';
import type { GroupMembership } from './roster-bulk.repository';

/** The rosters' events (GROUP_MEMBERSHIP_CHANGED, GUARDIAN_CONTACTS_CHANGED): pseudonymous or sealed only. */
@Injectable()
export class RosterEvents {
  groupMembershipChanged(group: GroupMembership, context: EventContext): EventEnvelope {
    return createEnvelope(
      CONTRACTS,
      TOPICS.GROUP_MEMBERSHIP_CHANGED,
      {
        schoolId: group.schoolId,
        groupId: group.groupId,
        schoolYear: group.schoolYear,
        kind: group.kind,
        name: group.name,
        level: group.level,
        pupilRefs: group.pupilRefs,
        staffRefs: group.staffRefs,
      },
      { producer: PRODUCER, ...context },
    );
  }

  guardianContactsChanged(
    schoolId: string,
    keyId: string,
    sealedKey: string,
    contacts: GuardianContactsChangedV1['contacts'],
    context: EventContext,
  ): EventEnvelope {
    return createEnvelope(
      CONTRACTS,
      TOPICS.GUARDIAN_CONTACTS_CHANGED,
      { schoolId, keyId, scheme: GUARDIAN_CONTACT_SCHEME, sealedKey, contacts },
      { producer: PRODUCER, ...context },
    );
  }
}
