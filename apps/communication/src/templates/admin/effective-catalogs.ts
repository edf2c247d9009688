import { DUTCH_CATALOG, MESSAGE_KEYS, type Catalog, type Catalogs, type MessageKey } from '../catalogs';
import { LETTER_LANGUAGES, type LetterLanguage } from '../letter-renderer.types';
import { allowedPlaceholders } from './template-rules';

/** Admins' texts per language and key (the `template_override` table). */
export type Overrides = Readonly<Partial<Record<LetterLanguage, Catalog>>>;

export type TextSource = 'override' | 'catalog' | 'fallback-nl';

export interface TemplateEntry {
  readonly key: MessageKey;
  /** What a letter in this language says (after the Dutch fallback). */
  readonly text: string;
  readonly source: TextSource;
  /** The Dutch text (the reference; its override if Dutch has one). */
  readonly nl: string;
  /** The placeholders the text may use. */
  readonly placeholders: readonly string[];
}

export interface LanguageCoverage {
  readonly language: LetterLanguage;
  /** Keys this language has no text for: letters use the Dutch text there (and are flagged). */
  readonly missingKeys: readonly MessageKey[];
  readonly overriddenKeys: readonly MessageKey[];
}

/** Per language: override > catalog; the translator falls back to the (effective) Dutch text per key. */
export function mergeCatalogs(base: Catalogs, overrides: Overrides): Catalogs {
  const merged = {} as Record<LetterLanguage, Catalog>;
  for (const language of LETTER_LANGUAGES) {
    const own = overrides[language];
    merged[language] = own && Object.keys(own).length > 0 ? { ...base[language], ...own } : base[language];
  }
  return merged;
}

/** Which keys each language lacks (falls back to Dutch) and which an admin overrode. */
export function coverageOf(base: Catalogs, overrides: Overrides): LanguageCoverage[] {
  return LETTER_LANGUAGES.map((language) => {
    const own = overrides[language] ?? {};
    return {
      language,
      missingKeys: MESSAGE_KEYS.filter((key) => base[language][key] === undefined && own[key] === undefined),
      overriddenKeys: MESSAGE_KEYS.filter((key) => own[key] !== undefined),
    };
  });
}

/** Every key of one language with the text a letter uses and where it comes from. */
export function entriesOf(language: LetterLanguage, base: Catalogs, overrides: Overrides): TemplateEntry[] {
  const own = overrides[language] ?? {};
  const dutch = overrides.nl ?? {};
  return MESSAGE_KEYS.map((key) => {
    const nl = dutch[key] ?? base.nl[key] ?? DUTCH_CATALOG[key];
    const override = own[key];
    const catalog = base[language][key];
    const [text, source]: [string, TextSource] =
      override !== undefined
        ? [override, 'override']
        : catalog !== undefined
          ? [catalog, 'catalog']
          : [nl, 'fallback-nl'];
    return { key, text, source, nl, placeholders: allowedPlaceholders(key) };
  });
}
