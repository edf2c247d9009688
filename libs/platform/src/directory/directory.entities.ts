import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Local, read-only copy of intake's CLB registry. Every service keeps one so that queries can be scoped to a
 * CLB or school without calling intake. Written only by the directory consumer.
 */
@Entity({ name: 'directory_clb' })
export class ClbReplica {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  /** occurredAt of the event last applied; older events are ignored so a replay cannot roll data back. */
  @Column({ name: 'source_occurred_at', type: 'timestamptz' })
  sourceOccurredAt!: Date;
}

@Entity({ name: 'directory_school' })
export class SchoolReplica {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Index('ix_directory_school_clb')
  @Column({ name: 'clb_id', type: 'uuid' })
  clbId!: string;

  @Column({ name: 'instellingsnummer', type: 'char', length: 6 })
  instellingsnummer!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'levels', type: 'text', array: true })
  levels!: string[];

  @Column({ name: 'source_occurred_at', type: 'timestamptz' })
  sourceOccurredAt!: Date;
}

export const DIRECTORY_ENTITIES = [ClbReplica, SchoolReplica];
