import type { LetterLanguage } from './letter-renderer.types';

/** The locale used to write dates in each letter language (Belgian variants where they exist). */
const LOCALES: Readonly<Record<LetterLanguage, string>> = {
  nl: 'nl-BE',
  fr: 'fr-BE',
  de: 'de-BE',
  en: 'en-GB',
  ar: 'ar-u-nu-latn',
  tr: 'tr-TR',
  pl: 'pl-PL',
  ro: 'ro-RO',
  bg: 'bg-BG',
  uk: 'uk-UA',
};

export function localeOf(language: LetterLanguage): string {
  return LOCALES[language];
}

const longFormats = new Map<LetterLanguage, Intl.DateTimeFormat>();
const shortFormats = new Map<LetterLanguage, Intl.DateTimeFormat>();

function format(
  cache: Map<LetterLanguage, Intl.DateTimeFormat>,
  language: LetterLanguage,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let formatter = cache.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: 'Europe/Brussels' });
    cache.set(language, formatter);
  }
  return formatter;
}

/**
 * A calendar date `YYYY-MM-DD` (already a Brussels date) as an instant that is that same day in Brussels:
 * noon UTC is 13:00 or 14:00 in Brussels, never another day, whatever DST does.
 */
export function calendarDate(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not a calendar date (YYYY-MM-DD): ${iso}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}

const brusselsDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Brussels calendar date of a deadline instant (`2026-11-28T00:00:00+01:00` → `2026-11-28`): letters say
 * "before <that day>", which never tells a parent a later moment than the real deadline. A plain date passes.
 */
export function deadlineDate(instantOrDate: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(instantOrDate)) return instantOrDate;
  const instant = new Date(instantOrDate);
  if (Number.isNaN(instant.getTime())) throw new Error(`Not an instant: ${instantOrDate}`);
  return brusselsDay.format(instant);
}

/** Languages whose grammar would need the weekday in another case after "until"/"on": we leave it out. */
const NO_WEEKDAY: ReadonlySet<LetterLanguage> = new Set(['pl', 'uk']);

/** "dinsdag 10 maart 2026": for letters. */
export function longDate(iso: string, language: LetterLanguage): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  if (!NO_WEEKDAY.has(language)) options.weekday = 'long';
  return format(longFormats, language, options).format(calendarDate(iso));
}

/** "10 maart": for SMS, where every character counts. */
export function shortDate(iso: string, language: LetterLanguage): string {
  return format(shortFormats, language, { day: 'numeric', month: 'long' }).format(calendarDate(iso));
}

/** `2026-03-10` → `20260310`, and the day after (an all-day event's exclusive end). */
export function icsDate(iso: string, plusDays = 0): string {
  const date = calendarDate(iso);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}
