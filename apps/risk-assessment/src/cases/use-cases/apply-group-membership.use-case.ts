import { Injectable } from '@nestjs/common';
import type { GroupMembershipChangedV1 } from '@meldpunt/contracts';
import type { EntityManager } from 'typeorm';
import type { RosterGroup } from '../../rosters/roster-group.entity';
import { RosterProjection } from '../../rosters/roster-projection';
import { CaseAssessor } from '../case-assessor';
import { reopen, SYSTEM_ACTOR, timelineEntry } from '../case-changes';
import { CaseRepository } from '../case.repository';
import { Clock } from '../../calendar/clock';
import type { CaseExposure } from '../entities/case-exposure.entity';
import { membersOf } from '../exposure-members';
import { ExposureRepository } from '../exposure.repository';
import { CaseNotifier } from '../live/case-notifier';

/**
 * A roster event: the projection takes it unless it is older than what it has (events of a group may arrive out
 * of order after a retry). Cases that named the group before its roster arrived get its members as contacts now.
 */
@Injectable()
export class ApplyGroupMembershipUseCase {
  constructor(
    private readonly rosters: RosterProjection,
    private readonly cases: CaseRepository,
    private readonly exposures: ExposureRepository,
    private readonly assessor: CaseAssessor,
    private readonly notifier: CaseNotifier,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, payload: GroupMembershipChangedV1, occurredAt: Date): Promise<void> {
    if (!(await this.rosters.apply(manager, payload, occurredAt))) return;
    const caseIds = await this.exposures.caseIdsAwaitingRoster(manager, payload.groupId);
    if (caseIds.length === 0) return;
    const group = (await this.rosters.findGroups(manager, [payload.groupId])).get(payload.groupId);
    if (!group) return;
    const now = this.clock.now();
    for (const caseId of caseIds) {
      const riskCase = await this.cases.lockById(manager, caseId);
      if (!riskCase) continue;
      const waiting = (await this.exposures.exposuresOf(manager, caseId)).filter(
        (exposure) => exposure.groupId === group.id && exposure.awaitingRoster,
      );
      if (waiting.length === 0) continue;
      await this.fill(manager, waiting, group);
      const entries = [
        timelineEntry(riskCase, 'roster-arrived', SYSTEM_ACTOR, now, {
          groupId: group.id,
          label: group.name,
        }),
      ];
      const reopened = reopen(riskCase, SYSTEM_ACTOR, now, 'roster-arrived');
      if (reopened) entries.push(reopened);
      await this.assessor.reassess(manager, riskCase);
      riskCase.changedAt = now;
      await this.cases.save(manager, riskCase);
      await this.cases.addTimeline(manager, entries);
      await this.notifier.notify(manager, {
        kind: 'case-changed',
        caseId: riskCase.id,
        clbId: riskCase.clbId,
      });
    }
  }

  private async fill(manager: EntityManager, exposures: CaseExposure[], group: RosterGroup): Promise<void> {
    for (const exposure of exposures) {
      Object.assign(exposure, {
        awaitingRoster: false,
        kind: group.kind,
        label: group.name,
        level: group.level,
      });
    }
    await this.exposures.saveExposures(manager, exposures);
    await this.exposures.addMembers(
      manager,
      exposures.flatMap((exposure) => membersOf(exposure, group)),
    );
  }
}
