import { Module } from '@nestjs/common';
import { RosterProjection } from './roster-projection';

/** The roster projection (classes, groups, living groups with pseudonymous members); its consumer is in cases/. */
@Module({ providers: [RosterProjection], exports: [RosterProjection] })
export class RostersModule {}
