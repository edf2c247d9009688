// Consistency of the page (apps/console/web) with the server: every view's path is served, every translation key
// the scripts use exists in nl.json, and no script uses what the CSP forbids.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PAGE_PATHS } from './pages/page-paths';

const WEB = join(__dirname, '..', 'web');

function scripts(dir = WEB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? scripts(join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [join(dir, entry.name)]
        : [],
  );
}

const messages = JSON.parse(readFileSync(join(WEB, 'i18n', 'nl.json'), 'utf8')) as Record<string, string>;

describe('the console page', () => {
  it('serves index.html on every path the router knows', () => {
    const routes = readFileSync(join(WEB, 'routes.js'), 'utf8');
    const paths = [...routes.matchAll(/path: '([^']+)'/g)].map((match) => match[1]);
    const login = /LOGIN_PATH = '([^']+)'/.exec(routes)?.[1];
    expect([...paths.filter((path) => path !== '/'), login].sort()).toEqual([...PAGE_PATHS].sort());
  });

  it('has a Dutch text for every translation key a script names literally', () => {
    const missing: string[] = [];
    for (const file of scripts()) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt(?:Plural)?\('([a-zA-Z][\w.-]*)'/g)) {
        const key = match[1] ?? '';
        const plural = source.slice(match.index, match.index + 8).startsWith('tPlural');
        const found = plural ? `${key}.other` in messages : key in messages;
        if (!found) missing.push(`${relative(WEB, file)}: ${key}`);
      }
      for (const match of source.matchAll(/'((?:nav|page|users|meldingStatus)\.[\w.-]+)'/g)) {
        const key = match[1] ?? '';
        if (!(key in messages) && !(`${key}.other` in messages))
          missing.push(`${relative(WEB, file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a label for every disease, activity, role, level and stage the page offers', () => {
    const ids = {
      disease: ['covid-19', 'mumps', 'measles', 'meningococcal', 'pertussis', 'scarlet-fever', 'other'],
      activity: ['excursion', 'bus', 'sports', 'boarding', 'other'],
      testResult: ['positive', 'negative', 'pending'],
      role: ['school', 'clb-staff', 'doctor', 'coordinator', 'admin'],
      level: ['kleuter', 'lager', 'secundair', 'buitengewoon'],
      meldingStatus: ['received', 'being-assessed', 'measures-decided', 'letters-sent'],
      subjectKind: ['pupil', 'staff', 'unlisted'],
      'melding.subjectKind': ['pupil', 'staff', 'unlisted'],
      'melding.unlistedRole': ['pupil', 'staff', 'other'],
      service: ['intake', 'risk-assessment', 'communication', 'scheduling'],
    };
    const missing = Object.entries(ids).flatMap(([prefix, values]) =>
      values.map((value) => `${prefix}.${value}`).filter((key) => !(key in messages)),
    );
    expect(missing).toEqual([]);
  });

  it('uses nothing the strict CSP forbids: no innerHTML, eval, inline handlers or inline scripts', () => {
    for (const file of scripts()) {
      const source = readFileSync(file, 'utf8');
      expect({
        file: relative(WEB, file),
        bad:
          /innerHTML|outerHTML|insertAdjacentHTML|\beval\(|new Function|document\.write/.exec(source)?.[0] ??
          null,
      }).toEqual({
        file: relative(WEB, file),
        bad: null,
      });
    }
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });
});
