import { MESSAGING_ENTITIES } from '@meldpunt/messaging';
import { DIRECTORY_ENTITIES } from '@meldpunt/platform';
import { CASE_ENTITIES } from './cases/cases.entities';
import { PROTOCOL_ENTITIES } from './protocols/protocols.entities';
import { ROSTER_ENTITIES } from './rosters/rosters.entities';

/** Every table this service owns; migrations are generated from this list. */
export const ENTITIES = [
  ...MESSAGING_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...ROSTER_ENTITIES,
  ...PROTOCOL_ENTITIES,
  ...CASE_ENTITIES,
];
