import type { Disease } from '@meldpunt/contracts';
import type { MessageKey } from './catalogs';
import { deadlineDate, localeOf, longDate, shortDate } from './dates';
import type { LetterInput, LetterKind, LetterLanguage, MeasureForLetter } from './letter-renderer.types';
import { Translator } from './translator';
import type { Catalogs } from './catalogs';

/** One block of the letter: a child (or, in a school notice, a class) and its measures as sentences. */
export interface LetterSection {
  readonly heading: string;
  readonly changed: boolean;
  readonly lines: readonly string[];
}

export type KeyDateKind = 'until' | 'return' | 'test' | 'deadline';

/** A date worth a calendar entry (and, the first per child, the SMS). */
export interface KeyDate {
  readonly kind: KeyDateKind;
  readonly date: string;
  readonly who: string;
  readonly summary: string;
}

/** Everything a letter says, already in its language; the HTML, text, PDF, SMS and .ics are views of it. */
export interface LetterContent {
  readonly language: LetterLanguage;
  readonly locale: string;
  readonly direction: 'ltr' | 'rtl';
  readonly fellBack: boolean;
  readonly kind: LetterKind;
  readonly subject: string;
  readonly greeting: string;
  readonly intro: string;
  readonly update: string | null;
  /** The label of a section whose measures changed (update letters). */
  readonly changedLabel: string;
  readonly sections: readonly LetterSection[];
  readonly adviceHeading: string;
  readonly advice: string;
  readonly contact: string;
  readonly closing: string;
  readonly signature: string;
  readonly sms: string;
  readonly icsDescription: string;
  readonly keyDates: readonly KeyDate[];
}

const RTL: ReadonlySet<LetterLanguage> = new Set(['ar']);

const MEASURE_DATE: Readonly<Record<MeasureForLetter['kind'], (m: MeasureForLetter) => string | null>> = {
  quarantine: (m) => m.until,
  exclusion: (m) => m.until,
  test: (m) => m.onDate,
  chemoprophylaxis: (m) => (m.deadline === null ? null : deadlineDate(m.deadline)),
  'vaccination-proposal': (m) => (m.deadline === null ? null : deadlineDate(m.deadline)),
  'watch-symptoms': (m) => m.until,
};

const KEY_DATE_OF: Readonly<Record<MeasureForLetter['kind'], KeyDateKind | null>> = {
  quarantine: 'until',
  exclusion: 'until',
  test: 'test',
  chemoprophylaxis: 'deadline',
  'vaccination-proposal': 'deadline',
  'watch-symptoms': null,
};

/** Which date an SMS mentions for a child, most useful first. */
const SMS_PREFERENCE: readonly KeyDateKind[] = ['return', 'until', 'test', 'deadline'];

interface Subject {
  readonly heading: string;
  readonly smsName: string;
  readonly changed: boolean;
  readonly measures: readonly MeasureForLetter[];
}

export function buildLetterContent(input: LetterInput, catalogs?: Catalogs): LetterContent {
  const tr = Translator.for(input.language, catalogs);
  const language = tr.language;
  const locale = localeOf(language);
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const disease = tr.t(diseaseKey(input.disease, 'name'));
  const children = list.format(input.children.map((c) => c.firstName));
  const base = { disease, children, school: input.schoolName, clb: input.clbName, url: input.letterUrl };

  const subjects: Subject[] =
    input.kind === 'school-notice' && input.classes
      ? input.classes.map((c) => ({
          heading: tr.t('section.class', { name: c.name }),
          smsName: c.name,
          changed: c.changed ?? false,
          measures: c.measures,
        }))
      : input.children.map((c) => ({
          heading: tr.t('section.child', { name: `${c.firstName} ${c.lastName}`.trim() }),
          smsName: c.firstName,
          changed: c.changed,
          measures: c.measures,
        }));

  const keyDates: KeyDate[] = [];
  const sections = subjects.map((s) => {
    const lines: string[] = [];
    const seen = new Set<string>();
    const push = (line: string): void => {
      if (!seen.has(line)) lines.push(line);
      seen.add(line);
    };
    const addKeyDate = (kind: KeyDateKind, date: string): void => {
      if (keyDates.some((k) => k.kind === kind && k.date === date && k.who === s.smsName)) return;
      keyDates.push({ kind, date, who: s.smsName, summary: tr.t(`ics.${kind}`, { name: s.smsName }) });
    };
    for (const m of s.measures) {
      const date = MEASURE_DATE[m.kind](m);
      push(
        date ? tr.t(`measure.${m.kind}`, { date: longDate(date, language) }) : tr.t(`measure.${m.kind}.open`),
      );
      const keyKind = KEY_DATE_OF[m.kind];
      if (date && keyKind) addKeyDate(keyKind, date);
    }
    for (const m of s.measures) {
      if (m.earlyReturnToSchool)
        push(tr.t('measure.early-return', { date: longDate(m.earlyReturnToSchool, language) }));
      if (m.returnToSchool) {
        push(tr.t('measure.return', { date: longDate(m.returnToSchool, language) }));
        addKeyDate('return', m.returnToSchool);
      }
    }
    if (lines.length === 0) lines.push(tr.t('section.none'));
    return { heading: s.heading, changed: input.isUpdate && s.changed, lines };
  });

  const smsDates = subjects
    .map((s) => {
      const mine = keyDates.filter((k) => k.who === s.smsName);
      for (const kind of SMS_PREFERENCE) {
        const found = mine.find((k) => k.kind === kind);
        if (found)
          return tr.t(`sms.date.${kind}`, { name: s.smsName, date: shortDate(found.date, language) });
      }
      return '';
    })
    .filter((line) => line !== '')
    .join(' ');

  let subject = tr.t(`subject.${input.kind}`, base);
  if (input.isUpdate) subject = tr.t('subject.update', { subject });
  const smsKey: MessageKey =
    input.isUpdate && (input.kind === 'high-risk' || input.kind === 'low-risk')
      ? 'sms.update'
      : `sms.${input.kind}`;
  const sms = tr.t(smsKey, { ...base, dates: smsDates }).replace(/\s{2,}/g, ' ');

  const content: LetterContent = {
    language,
    locale,
    direction: RTL.has(language) ? 'rtl' : 'ltr',
    fellBack: false,
    kind: input.kind,
    subject,
    greeting: tr.t('greeting', { name: input.guardianName }),
    intro: tr.t(`intro.${input.kind}`, base),
    update: input.isUpdate ? tr.t('update') : null,
    changedLabel: tr.t('section.changed'),
    sections,
    adviceHeading: tr.t('advice.heading', { disease }),
    advice: tr.t(diseaseKey(input.disease, 'advice')),
    contact: tr.t('contact', base),
    closing: tr.t('closing'),
    signature: input.clbName,
    sms,
    icsDescription: tr.t('ics.description', base),
    keyDates: keyDates.sort((a, b) => a.date.localeCompare(b.date)),
  };
  // Read last: every lookup above may have fallen back.
  return { ...content, fellBack: tr.fellBack };
}

function diseaseKey(disease: Disease, part: 'name' | 'advice'): MessageKey {
  return `disease.${disease}.${part}`;
}
