import { BoardingLink } from './boarding-link.entity';
import { Guardian } from './guardian.entity';
import { PupilGroup } from './pupil-group.entity';
import { Pupil } from './pupil.entity';
import { RosterGroup } from './roster-group.entity';
import { RosterImportUpload } from './roster-import-upload.entity';
import { RosterImport } from './roster-import.entity';
import { SchoolYear } from './school-year.entity';
import { StaffClass } from './staff-class.entity';
import { StaffMember } from './staff-member.entity';

/** Every table of the rosters feature (owned by the rosters feature; listed in ../entities.ts). */
export const ROSTER_ENTITIES: Array<new () => unknown> = [
  SchoolYear,
  RosterGroup,
  Pupil,
  PupilGroup,
  Guardian,
  StaffMember,
  StaffClass,
  RosterImport,
  RosterImportUpload,
  BoardingLink,
];
