import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { RosterImport } from './roster-import.entity';

/**
 * The raw upload of a roster import (CSV bytes or the JSON body), kept only until the import job is done with it:
 * deleted when the import is applied, rejected or failed for good, so personal data does not linger twice.
 */
@Entity({ name: 'roster_import_upload' })
export class RosterImportUpload {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @OneToOne(() => RosterImport, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_roster_import_upload_import' })
  rosterImport?: RosterImport;

  /** The CSV text or the JSON body (text, not bytea: it is read back whole, and hex-encoded bytea doubles it). */
  @Column({ name: 'content', type: 'text' })
  content!: string;
}
