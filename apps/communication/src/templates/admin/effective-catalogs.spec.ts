import { CATALOGS, DUTCH_CATALOG, MESSAGE_KEYS, type Catalogs } from '../catalogs';
import { buildLetterContent } from '../letter-content';
import type { LetterInput } from '../letter-renderer.types';
import { coverageOf, entriesOf, mergeCatalogs } from './effective-catalogs';

const base: Catalogs = {
  ...CATALOGS,
  // A French catalog that lacks two keys.
  fr: Object.fromEntries(
    Object.entries(CATALOGS.fr).filter(([key]) => key !== 'closing' && key !== 'intro.low-risk'),
  ),
};

const input = (language: string): LetterInput => ({
  kind: 'high-risk',
  disease: 'measles',
  language,
  guardianName: 'Sofie Peeters',
  schoolName: 'Basisschool De Regenboog',
  clbName: 'Vrij CLB Antwerpen',
  children: [{ firstName: 'Lotte', lastName: 'Janssens', measures: [], changed: false }],
  isUpdate: false,
  letterUrl: 'https://meldpunt.example/l/1',
  letterId: 'l1',
});

describe('effective catalogs', () => {
  it('coverage: keys a language lacks (falls back to Dutch) and keys an admin overrode', () => {
    const coverage = coverageOf(base, { fr: { closing: 'Cordialement,' }, nl: { greeting: 'Dag {name},' } });
    const fr = coverage.find((c) => c.language === 'fr');
    expect(fr).toEqual({ language: 'fr', missingKeys: ['intro.low-risk'], overriddenKeys: ['closing'] });
    expect(coverage.find((c) => c.language === 'nl')).toEqual({
      language: 'nl',
      missingKeys: [],
      overriddenKeys: ['greeting'],
    });
    expect(coverage.map((c) => c.language)).toEqual([
      'nl',
      'fr',
      'de',
      'en',
      'ar',
      'tr',
      'pl',
      'ro',
      'bg',
      'uk',
    ]);
  });

  it('coverage of the shipped catalogs: every missing key is really absent from its catalog', () => {
    for (const { language, missingKeys } of coverageOf(CATALOGS, {}))
      for (const key of MESSAGE_KEYS)
        expect(missingKeys.includes(key)).toBe(CATALOGS[language][key] === undefined);
  });

  it('entries: override > catalog > Dutch fallback, with the Dutch reference and its placeholders', () => {
    const entries = entriesOf('fr', base, {
      fr: { greeting: 'Bonjour {name},' },
      nl: { 'intro.low-risk': 'Eigen Nederlandse tekst over {children}.' },
    });
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    expect(byKey.get('greeting')).toMatchObject({ text: 'Bonjour {name},', source: 'override' });
    expect(byKey.get('subject.high-risk')).toMatchObject({
      text: CATALOGS.fr['subject.high-risk'],
      source: 'catalog',
      nl: DUTCH_CATALOG['subject.high-risk'],
      placeholders: ['children', 'disease'],
    });
    expect(byKey.get('closing')).toMatchObject({ text: DUTCH_CATALOG.closing, source: 'fallback-nl' });
    // The Dutch fallback is the Dutch text in use, an admin's Dutch override included.
    expect(byKey.get('intro.low-risk')).toMatchObject({
      text: 'Eigen Nederlandse tekst over {children}.',
      source: 'fallback-nl',
      nl: 'Eigen Nederlandse tekst over {children}.',
    });
    expect(entries).toHaveLength(MESSAGE_KEYS.length);
  });

  it('a letter uses the override, else the catalog, else the (overridden) Dutch text, and says it fell back', () => {
    const merged = mergeCatalogs(base, {
      fr: { greeting: 'Chère {name},' },
      nl: { closing: 'Hartelijke groeten,' },
    });
    const letter = buildLetterContent(input('fr'), merged);
    expect(letter.greeting).toBe('Chère Sofie Peeters,');
    expect(letter.subject).toBe(
      CATALOGS.fr['subject.high-risk']?.replace('{children}', 'Lotte').replace('{disease}', 'rougeole'),
    );
    expect(letter.closing).toBe('Hartelijke groeten,');
    expect(letter.fellBack).toBe(true);
    // Untouched languages keep their catalog object.
    expect(merged.de).toBe(base.de);
  });
});
