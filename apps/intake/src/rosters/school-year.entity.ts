import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A school year (`2026-2027`): 1 September to 31 August. Classes and groups belong to one. */
@Entity({ name: 'school_year' })
export class SchoolYear {
  @PrimaryColumn({ name: 'label', type: 'text' })
  label!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;
}
