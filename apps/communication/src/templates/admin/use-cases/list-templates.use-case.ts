import { Injectable } from '@nestjs/common';
import { DISEASES } from '@meldpunt/contracts';
import { LETTER_KINDS, LETTER_LANGUAGES, type LetterLanguage } from '../../letter-renderer.types';
import { coverageOf, entriesOf, type LanguageCoverage, type TemplateEntry } from '../effective-catalogs';
import { TemplateCatalogSource } from '../template-catalog-source';
import { TemplateOverrideRepository } from '../template-override.repository';

export interface TemplatesOverview {
  readonly languages: readonly LetterLanguage[];
  readonly kinds: readonly string[];
  readonly diseases: readonly string[];
  /** Per language: missing keys (letters fall back to Dutch: the admins' flag) and overridden keys. */
  readonly coverage: readonly LanguageCoverage[];
}

/** What can be edited, and where translations are missing. */
@Injectable()
export class ListTemplatesUseCase {
  constructor(private readonly source: TemplateCatalogSource) {}

  async execute(): Promise<TemplatesOverview> {
    const { overrides } = await this.source.current();
    return {
      languages: LETTER_LANGUAGES,
      kinds: LETTER_KINDS,
      diseases: DISEASES,
      coverage: coverageOf(this.source.baseCatalogs, overrides),
    };
  }
}

export interface LanguageTemplateEntry extends TemplateEntry {
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: Date | null;
}

/** Every key of one language: its text, where it comes from, the Dutch reference and the allowed placeholders. */
@Injectable()
export class LanguageTemplatesUseCase {
  constructor(
    private readonly source: TemplateCatalogSource,
    private readonly overrides: TemplateOverrideRepository,
  ) {}

  async execute(
    language: LetterLanguage,
  ): Promise<{ language: LetterLanguage; direction: 'ltr' | 'rtl'; entries: LanguageTemplateEntry[] }> {
    // Read from the table (not the cache): the editor needs the current versions.
    const rows = await this.overrides.all();
    const overrides: Partial<Record<LetterLanguage, Record<string, string>>> = {};
    const rowOf = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      if (row.language !== 'nl' && row.language !== language) continue;
      (overrides[row.language] ??= {})[row.key] = row.text;
      if (row.language === language) rowOf.set(row.key, row);
    }
    const entries = entriesOf(language, this.source.baseCatalogs, overrides).map((entry) => {
      const row = entry.source === 'override' ? rowOf.get(entry.key) : undefined;
      return {
        ...entry,
        version: row?.version ?? 0,
        updatedBy: row?.updatedBy ?? null,
        updatedAt: row?.updatedAt ?? null,
      };
    });
    return { language, direction: language === 'ar' ? 'rtl' : 'ltr', entries };
  }
}
