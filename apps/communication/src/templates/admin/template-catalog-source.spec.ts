import { CATALOGS } from '../catalogs';
import { LetterRenderer } from '../letter-renderer';
import type { LetterInput } from '../letter-renderer.types';
import { TemplateCatalogSource } from './template-catalog-source';
import type { TemplateOverride } from './template-override.entity';
import type { TemplateOverrideRepository } from './template-override.repository';

class FakeOverrides {
  rows: Pick<TemplateOverride, 'language' | 'key' | 'text'>[] = [];
  loads = 0;
  failing = false;

  all(): Promise<TemplateOverride[]> {
    this.loads += 1;
    if (this.failing) return Promise.reject(new Error('database down'));
    return Promise.resolve(this.rows.map((row) => ({ ...row }) as TemplateOverride));
  }
}

const letter = (language: string): LetterInput => ({
  kind: 'information',
  disease: 'mumps',
  language,
  guardianName: 'Sofie Peeters',
  schoolName: 'Basisschool De Regenboog',
  clbName: 'Vrij CLB Antwerpen',
  children: [{ firstName: 'Lotte', lastName: 'Janssens', measures: [], changed: false }],
  isUpdate: false,
  letterUrl: 'https://meldpunt.example/l/1',
  letterId: 'l1',
  issuedAt: '2026-11-25T09:00:00+01:00',
});

describe('TemplateCatalogSource', () => {
  let fake: FakeOverrides;
  let source: TemplateCatalogSource;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-25T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    fake = new FakeOverrides();
    source = new TemplateCatalogSource(fake as unknown as TemplateOverrideRepository, 30_000);
  });

  afterEach(() => jest.useRealTimers());

  it('puts overrides over the catalogs and ignores rows for unknown keys or languages', async () => {
    fake.rows = [
      { language: 'fr', key: 'greeting', text: 'Salut {name},' },
      { language: 'fr', key: 'no.such.key', text: 'x' },
      { language: 'xx', key: 'greeting', text: 'x' },
    ];
    const catalogs = await source.catalogs();
    expect(catalogs.fr.greeting).toBe('Salut {name},');
    expect(catalogs.fr.closing).toBe(CATALOGS.fr.closing);
    expect(catalogs.nl).toBe(CATALOGS.nl);
  });

  it('loads once for concurrent renders, keeps the snapshot for the refresh interval, then reloads', async () => {
    await Promise.all([source.catalogs(), source.catalogs(), source.catalogs()]);
    expect(fake.loads).toBe(1);
    fake.rows = [{ language: 'nl', key: 'closing', text: 'Tot ziens,' }];
    jest.advanceTimersByTime(29_000);
    expect((await source.catalogs()).nl.closing).toBe(CATALOGS.nl.closing);
    jest.advanceTimersByTime(1_500);
    expect((await source.catalogs()).nl.closing).toBe('Tot ziens,');
    expect(fake.loads).toBe(2);
  });

  it('reloads right after a change in this process (invalidate)', async () => {
    await source.catalogs();
    fake.rows = [{ language: 'nl', key: 'closing', text: 'Tot ziens,' }];
    source.invalidate();
    expect((await source.catalogs()).nl.closing).toBe('Tot ziens,');
  });

  it('keeps the last snapshot when the database is briefly unreachable', async () => {
    fake.rows = [{ language: 'nl', key: 'closing', text: 'Tot ziens,' }];
    await source.catalogs();
    fake.failing = true;
    jest.advanceTimersByTime(31_000);
    expect((await source.catalogs()).nl.closing).toBe('Tot ziens,');
  });

  it('the renderer uses override > catalog > Dutch (Dutch override included)', async () => {
    fake.rows = [
      { language: 'de', key: 'closing', text: 'Herzliche Grüße aus dem CLB,' },
      { language: 'nl', key: 'contact', text: 'Vragen? Bel {clb}.' },
    ];
    const sparse = { ...CATALOGS, de: { ...CATALOGS.de, contact: undefined } };
    source = new TemplateCatalogSource(fake as unknown as TemplateOverrideRepository, 30_000, sparse);
    const renderer = new LetterRenderer(undefined, source);
    const rendered = await renderer.render(letter('de'));
    expect(rendered.text).toContain('Herzliche Grüße aus dem CLB,');
    expect(rendered.text).toContain('Vragen? Bel Vrij CLB Antwerpen.');
    expect(rendered.text).toContain(CATALOGS.de['intro.information']?.split('{')[0] ?? 'missing');
    expect(rendered.fellBack).toBe(true);
  });
});
