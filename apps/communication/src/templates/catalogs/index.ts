import { LETTER_LANGUAGES, type LetterLanguage } from '../letter-renderer.types';
import { ar } from './ar';
import { bg } from './bg';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { type Catalog, type MessageKey, nl } from './nl';
import { pl } from './pl';
import { ro } from './ro';
import { tr } from './tr';
import { uk } from './uk';

export type { Catalog, MessageKey };
export { nl as DUTCH_CATALOG };

/** The message catalogs, one per letter language (Dutch is complete; the others may miss keys). */
export type Catalogs = Readonly<Record<LetterLanguage, Catalog>>;

/** Replaces the code catalogs (tests). */
export const LETTER_CATALOGS = Symbol('LETTER_CATALOGS');

export const CATALOGS: Catalogs = { nl, fr, de, en, ar, tr, pl, ro, bg, uk };

export const MESSAGE_KEYS = Object.keys(nl) as MessageKey[];

/** `fr-BE` → `fr`; anything we have no letters for → undefined. */
export function letterLanguageOf(tag: string): LetterLanguage | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LETTER_LANGUAGES as readonly string[]).includes(primary) ? (primary as LetterLanguage) : undefined;
}
