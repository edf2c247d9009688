import { MESSAGING_ENTITIES } from '@meldpunt/messaging';
import { MELDING_ENTITIES } from './meldingen/meldingen.entities';
import { Clb } from './registry/clb.entity';
import { School } from './registry/school.entity';
import { ROSTER_ENTITIES } from './rosters/rosters.entities';
import { SCHOOL_NOTICE_ENTITIES } from './school-notices/school-notice.entity';

/** Every table this service owns; migrations are generated from this list. */
export const ENTITIES = [
  ...MESSAGING_ENTITIES,
  Clb,
  School,
  ...ROSTER_ENTITIES,
  ...MELDING_ENTITIES,
  ...SCHOOL_NOTICE_ENTITIES,
];
