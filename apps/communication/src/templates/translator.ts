import {
  type Catalog,
  CATALOGS,
  type Catalogs,
  DUTCH_CATALOG,
  letterLanguageOf,
  type MessageKey,
} from './catalogs';
import type { LetterLanguage } from './letter-renderer.types';

export type MessageParams = Readonly<Record<string, string>>;

/**
 * Looks messages up in one language's catalog, falling back to Dutch (`catalogs.nl`, then the code's Dutch
 * reference) per key. `fellBack` is true when the
 * requested language has no catalog or any key used so far had to come from Dutch (admins are told).
 */
export class Translator {
  private missing: boolean;

  private constructor(
    readonly language: LetterLanguage,
    private readonly catalog: Catalog,
    unknownLanguage: boolean,
    private readonly dutch: Catalog = DUTCH_CATALOG,
  ) {
    this.missing = unknownLanguage;
  }

  static for(requested: string, catalogs: Catalogs = CATALOGS): Translator {
    const language = letterLanguageOf(requested);
    if (language === undefined) return new Translator('nl', catalogs.nl, true, catalogs.nl);
    return new Translator(language, catalogs[language], false, catalogs.nl);
  }

  get fellBack(): boolean {
    return this.missing;
  }

  t(key: MessageKey, params: MessageParams = {}): string {
    let template = this.catalog[key];
    if (template === undefined) {
      this.missing = true;
      // The Dutch text in use (an admin's Dutch override counts), else the code's Dutch reference.
      template = this.dutch[key] ?? DUTCH_CATALOG[key];
    }
    return interpolate(template, params);
  }
}

/** Replaces `{name}` placeholders; an unknown placeholder is left as is (tests look for leftovers). */
export function interpolate(template: string, params: MessageParams): string {
  return template.replace(/\{([a-z]+)\}/gi, (whole, name: string) => params[name] ?? whole);
}
