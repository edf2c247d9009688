import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Pupils of school `schoolId` board at internaat `internaatId` (another school), as the school's last roster
 * import says. Derived by the roster import; the registry reads it to know which CLBs serve a school: the
 * internaat's CLB serves the school, and the school's CLB serves the internaat.
 */
@Entity({ name: 'boarding_link' })
export class BoardingLink {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Index('ix_boarding_link_internaat')
  @PrimaryColumn({ name: 'internaat_id', type: 'uuid' })
  internaatId!: string;
}
