import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Clb } from './clb.entity';
import type { SchoolLevel } from '@meldpunt/contracts';

/**
 * A school (or internaat) identified in Flanders by its instellingsnummer. It is served by its own CLB (`clbId`),
 * by CLBs added by agreement (`extraClbIds`) and, through boarders, by internaat CLBs: a pupil of school A (CLB 1)
 * who boards at internaat B (CLB 2) links A and B (table boarding_link, kept by the roster import), so both CLBs
 * serve both (see SchoolRepository).
 */
@Entity({ name: 'school' })
export class School {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Index('ix_school_clb')
  @Column({ name: 'clb_id', type: 'uuid' })
  clbId!: string;

  @ManyToOne(() => Clb, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'clb_id', foreignKeyConstraintName: 'fk_school_clb' })
  clb?: Clb;

  @Column({ name: 'instellingsnummer', type: 'char', length: 6, unique: true })
  instellingsnummer!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'levels', type: 'text', array: true })
  levels!: SchoolLevel[];

  /** Address; null only for schools registered before addresses were required (the demo seed sets one). */
  @Column({ name: 'address_street', type: 'text', nullable: true })
  addressStreet!: string | null;

  @Column({ name: 'address_postal_code', type: 'char', length: 4, nullable: true })
  addressPostalCode!: string | null;

  @Column({ name: 'address_city', type: 'text', nullable: true })
  addressCity!: string | null;

  @Column({ name: 'is_internaat', type: 'boolean', default: false })
  isInternaat!: boolean;

  /** CLBs that serve the school besides its own, by agreement (set by an admin). */
  @Column({ name: 'extra_clb_ids', type: 'uuid', array: true, default: () => "'{}'" })
  extraClbIds!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
