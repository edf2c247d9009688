import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An admin's text for one message key in one language: it wins over the code catalog (templates/catalogs/) when
 * letters are rendered. `version` counts the saves of that key and language (optimistic concurrency); deleting the
 * row resets the key to the catalog. Every change is also appended to `template_override_history`.
 */
@Entity({ name: 'template_override' })
@Index('uq_template_override_language_key', ['language', 'key'], { unique: true })
export class TemplateOverride {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_template_override' })
  id!: string;

  @Column({ name: 'language', type: 'text' })
  language!: string;

  @Column({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'text', type: 'text' })
  text!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  /** The console user id of the admin who saved it. */
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const TEMPLATE_OVERRIDE_ACTIONS = ['saved', 'reset'] as const;
export type TemplateOverrideAction = (typeof TEMPLATE_OVERRIDE_ACTIONS)[number];

/** Append-only audit of template overrides: who saved or reset which text when (never updated or deleted). */
@Entity({ name: 'template_override_history' })
@Index('idx_template_override_history_key', ['language', 'key', 'changedAt'])
export class TemplateOverrideHistory {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'pk_template_override_history' })
  id!: string;

  @Column({ name: 'language', type: 'text' })
  language!: string;

  @Column({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'action', type: 'text' })
  action!: TemplateOverrideAction;

  /** The saved text; null for a reset. */
  @Column({ name: 'text', type: 'text', nullable: true })
  text!: string | null;

  /** The override's version after a save, or the version that was reset. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy!: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}

export const TEMPLATE_ADMIN_ENTITIES = [TemplateOverride, TemplateOverrideHistory];
