import { RosterGroup } from './roster-group.entity';

export const ROSTER_ENTITIES = [RosterGroup];
