import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A mobile number's answer to information campaigns by SMS (STOP / START), keyed by a keyed hash of the E.164
 * number (HMAC-SHA256 under a key derived from CONTACTS_ENCRYPTION_KEY; see SmsNumberHasher): the plain number is
 * never stored. Applies to campaigns only, never to a doctor's decided measures.
 */
@Entity({ name: 'sms_opt_out' })
export class SmsOptOut {
  @PrimaryColumn({ name: 'number_hash', type: 'text', primaryKeyConstraintName: 'pk_sms_opt_out' })
  numberHash!: string;

  /** true after STOP, false after START. */
  @Column({ name: 'opted_out', type: 'boolean' })
  optedOut!: boolean;

  /** When the provider received the SMS that set it; an older SMS delivered late changes nothing. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}

export const OPT_OUT_ENTITIES = [SmsOptOut];
