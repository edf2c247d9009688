import { MESSAGING_ENTITIES } from '@meldpunt/messaging';
import { DIRECTORY_ENTITIES } from '@meldpunt/platform';
import { CAMPAIGNS_ENTITIES } from './campaigns/campaigns.entities';
import { CONTACTS_ENTITIES } from './contacts/contacts.entities';
import { LETTERS_ENTITIES } from './letters/letters.entities';
import { OPT_OUT_ENTITIES } from './opt-outs/sms-opt-out.entity';
import { PROVIDERS_ENTITIES } from './providers/provider-report-pending.entity';
import { SCHOOL_NOTICE_ENTITIES } from './school-notices/school-notice.entity';
import { TEMPLATE_ADMIN_ENTITIES } from './templates/admin/template-override.entity';

/** Every table this service owns; migrations are generated from this list. */
export const ENTITIES = [
  ...MESSAGING_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...CONTACTS_ENTITIES,
  ...LETTERS_ENTITIES,
  ...CAMPAIGNS_ENTITIES,
  ...OPT_OUT_ENTITIES,
  ...PROVIDERS_ENTITIES,
  ...SCHOOL_NOTICE_ENTITIES,
  ...TEMPLATE_ADMIN_ENTITIES,
];
