import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CaseContact } from './entities/case-contact.entity';
import { CaseDecision } from './entities/case-decision.entity';
import { LetterStatusRecord } from './entities/letter-status.entity';

/** Contacts of cases, decisions and the letters that followed. Writes take the caller's transaction manager. */
@Injectable()
export class ContactRepository {
  constructor(private readonly dataSource: DataSource) {}

  async contactsOf(manager: EntityManager, caseId: string): Promise<CaseContact[]> {
    return manager
      .getRepository(CaseContact)
      .find({ where: { caseId }, order: { contactType: 'ASC', contactRef: 'ASC' } });
  }

  async findContacts(manager: EntityManager, caseId: string, ids: readonly string[]): Promise<CaseContact[]> {
    if (ids.length === 0) return [];
    return manager.getRepository(CaseContact).findBy({ caseId, id: In([...ids]) });
  }

  /** Inserts new contacts and updates existing ones (by case and ref). */
  async upsertContacts(manager: EntityManager, contacts: readonly CaseContact[]): Promise<void> {
    for (let start = 0; start < contacts.length; start += 1_000) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(CaseContact)
        .values(contacts.slice(start, start + 1_000))
        .orUpdate(
          [
            'contact_kind',
            'contact_type',
            'level',
            'last_contact_date',
            'exposure_ids',
            'label',
            'vaccinated',
            'proposal',
            'override',
            'risk',
            'removed_at',
            'removed_by',
          ],
          ['case_id', 'contact_ref'],
        )
        .execute();
    }
  }

  async latestDecision(manager: EntityManager, caseId: string): Promise<CaseDecision | null> {
    return manager.getRepository(CaseDecision).findOne({ where: { caseId }, order: { version: 'DESC' } });
  }

  async insertDecision(manager: EntityManager, decision: CaseDecision): Promise<void> {
    await manager.getRepository(CaseDecision).insert(decision);
  }

  async decisionsOf(caseId: string): Promise<CaseDecision[]> {
    return this.dataSource.getRepository(CaseDecision).find({ where: { caseId }, order: { version: 'ASC' } });
  }

  /** Contacts of a decision version for which communication reported at least one letter status. */
  async contactsWithLetterStatus(
    manager: EntityManager,
    caseId: string,
    version: number,
  ): Promise<Set<string>> {
    const rows = await manager
      .getRepository(LetterStatusRecord)
      .find({ where: { caseId, decisionVersion: version }, select: { contactRef: true } });
    return new Set(rows.map((row) => row.contactRef));
  }

  /** Keeps the latest status of a letter: an older status (by `at`) arriving late changes nothing. */
  async upsertLetterStatus(manager: EntityManager, record: LetterStatusRecord): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(LetterStatusRecord)
      .values(record)
      .orUpdate(['status', 'channel', 'at'], ['case_id', 'decision_version', 'contact_ref', 'guardian_ref'], {
        overwriteCondition: { where: 'letter_status.at <= EXCLUDED.at' },
      })
      .returning(['caseId'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async letterStatusesOf(caseId: string): Promise<LetterStatusRecord[]> {
    return this.dataSource
      .getRepository(LetterStatusRecord)
      .find({ where: { caseId }, order: { decisionVersion: 'ASC', at: 'ASC' } });
  }
}
