import { MESSAGING_ENTITIES } from '@meldpunt/messaging';
import { DIRECTORY_ENTITIES } from '@meldpunt/platform';

/** Every table this service owns; migrations are generated from this list. */
export const ENTITIES = [...MESSAGING_ENTITIES, ...DIRECTORY_ENTITIES];
