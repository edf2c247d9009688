import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RosterGroup } from './roster-group.entity';
import { StaffMember } from './staff-member.entity';

/** A class a staff member teaches (in the class's school year). */
@Entity({ name: 'staff_class' })
export class StaffClass {
  @PrimaryColumn({ name: 'staff_id', type: 'uuid' })
  staffId!: string;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'fk_staff_class_staff' })
  staff?: StaffMember;

  @Index('ix_staff_class_group')
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => RosterGroup, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_staff_class_group' })
  group?: RosterGroup;
}
