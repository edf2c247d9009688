import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last reference number handed out per year (see nextMeldingReference). */
@Entity({ name: 'melding_reference_counter' })
export class MeldingReferenceCounter {
  @PrimaryColumn({ name: 'year', type: 'integer' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
