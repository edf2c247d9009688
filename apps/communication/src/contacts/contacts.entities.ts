import { GuardianContactRecord } from './guardian-contact.entity';

export const CONTACTS_ENTITIES = [GuardianContactRecord];
