import { InboxEntry } from './inbox-entry.entity';
import { OutboxEntry } from './outbox-entry.entity';

export { InboxEntry } from './inbox-entry.entity';
export { OutboxEntry } from './outbox-entry.entity';

/** Add these to a service's entity list; its generated migrations then create `outbox` and `inbox`. */
export const MESSAGING_ENTITIES: [typeof OutboxEntry, typeof InboxEntry] = [OutboxEntry, InboxEntry];
