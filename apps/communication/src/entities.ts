import { MESSAGING_ENTITIES } from '@meldpunt/messaging';
import { DIRECTORY_ENTITIES } from '@meldpunt/platform';
import { CONTACTS_ENTITIES } from './contacts/contacts.entities';
import { LETTERS_ENTITIES } from './letters/letters.entities';

/** Every table this service owns; migrations are generated from this list. */
export const ENTITIES = [
  ...MESSAGING_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...CONTACTS_ENTITIES,
  ...LETTERS_ENTITIES,
];
