import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MessageKey } from '../catalogs';
import type { LetterLanguage } from '../letter-renderer.types';
import { TemplateAdminError } from './template-admin.errors';
import { TEMPLATE_ADMIN_MESSAGES as M } from './template-admin.messages';
import { TemplateOverride, TemplateOverrideHistory } from './template-override.entity';

export interface SaveOverride {
  readonly language: LetterLanguage;
  readonly key: MessageKey;
  readonly text: string;
  /** The version the admin edited (0: the catalog text, no override yet); absent: last write wins. */
  readonly expectedVersion?: number;
  readonly by: string;
  readonly at: Date;
}

/** The `template_override` table and its append-only history; every change writes both in one transaction. */
@Injectable()
export class TemplateOverrideRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<TemplateOverride[]> {
    return await this.dataSource
      .getRepository(TemplateOverride)
      .find({ order: { language: 'ASC', key: 'ASC' } });
  }

  async find(language: LetterLanguage, key: MessageKey): Promise<TemplateOverride | null> {
    return await this.dataSource.getRepository(TemplateOverride).findOneBy({ language, key });
  }

  /** Saves the text; TemplateAdminError('conflict') when `expectedVersion` is not the current one. */
  async save(change: SaveOverride): Promise<TemplateOverride> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await manager
          .getRepository(TemplateOverride)
          .createQueryBuilder('o')
          .setLock('pessimistic_write')
          .where('o.language = :language AND o.key = :key', { language: change.language, key: change.key })
          .getOne();
        const currentVersion = current?.version ?? 0;
        if (change.expectedVersion !== undefined && change.expectedVersion !== currentVersion)
          throw new TemplateAdminError('conflict', M.conflict(currentVersion), currentVersion);
        // After a reset the count goes on from the history, so an old expectedVersion can never match again.
        const version =
          (current ? current.version : await lastVersion(manager, change.language, change.key)) + 1;
        const row = manager.getRepository(TemplateOverride).create({
          id: current?.id ?? randomUUID(),
          language: change.language,
          key: change.key,
          text: change.text,
          version,
          updatedBy: change.by,
          updatedAt: change.at,
        });
        await manager.getRepository(TemplateOverride).save(row);
        await manager.getRepository(TemplateOverrideHistory).insert({
          id: randomUUID(),
          language: change.language,
          key: change.key,
          action: 'saved',
          text: change.text,
          version,
          changedBy: change.by,
          changedAt: change.at,
        });
        return row;
      });
    } catch (error) {
      // Two first saves of the same key at once: the unique index refuses the second.
      if (isUniqueViolation(error)) {
        const now = await this.find(change.language, change.key);
        throw new TemplateAdminError('conflict', M.conflict(now?.version ?? 0), now?.version ?? 0);
      }
      throw error;
    }
  }

  /** Deletes the override (the key goes back to the catalog); TemplateAdminError('not-found') if there is none. */
  async reset(language: LetterLanguage, key: MessageKey, by: string, at: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .delete()
        .from(TemplateOverride)
        .where('language = :language AND key = :key', { language, key })
        .returning(['version'])
        .execute();
      const removed = (result.raw as { version: number }[])[0];
      if (!removed) throw new TemplateAdminError('not-found', M.notOverridden);
      await manager.getRepository(TemplateOverrideHistory).insert({
        id: randomUUID(),
        language,
        key,
        action: 'reset',
        text: null,
        version: removed.version,
        changedBy: by,
        changedAt: at,
      });
    });
  }

  async history(language: LetterLanguage, key: MessageKey): Promise<TemplateOverrideHistory[]> {
    return await this.dataSource
      .getRepository(TemplateOverrideHistory)
      .find({ where: { language, key }, order: { changedAt: 'ASC', version: 'ASC' } });
  }
}

async function lastVersion(manager: EntityManager, language: string, key: string): Promise<number> {
  const rows = await manager.query<{ version: number | null }[]>(
    `SELECT max(version) AS version FROM template_override_history WHERE language = $1 AND key = $2`,
    [language, key],
  );
  return rows[0]?.version ?? 0;
}

function isUniqueViolation(error: unknown): boolean {
  const own = (error as { code?: unknown }).code;
  const driver = (error as { driverError?: { code?: unknown } }).driverError?.code;
  return own === '23505' || driver === '23505';
}
