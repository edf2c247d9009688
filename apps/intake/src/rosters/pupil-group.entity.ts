import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Pupil } from './pupil.entity';
import { RosterGroup } from './roster-group.entity';

/** A pupil's membership of an extra group (kind `group`); classes and living groups are columns of the pupil. */
@Entity({ name: 'pupil_group' })
export class PupilGroup {
  @PrimaryColumn({ name: 'pupil_id', type: 'uuid' })
  pupilId!: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_pupil_group_pupil' })
  pupil?: Pupil;

  @Index('ix_pupil_group_group')
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => RosterGroup, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_pupil_group_group' })
  group?: RosterGroup;
}
