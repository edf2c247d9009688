import type { Disease } from '@meldpunt/contracts';
import type { LetterInput, LetterKind, MeasureForLetter } from '../letter-renderer.types';

/** A Brussels calendar date `days` after `now`'s Brussels date (YYYY-MM-DD). */
export function brusselsDate(now: Date, days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days, 12)).toISOString().slice(0, 10);
}

const measure = (kind: MeasureForLetter['kind'], fields: Partial<MeasureForLetter>): MeasureForLetter => ({
  kind,
  from: null,
  until: null,
  returnToSchool: null,
  earlyReturnToSchool: null,
  onDate: null,
  deadline: null,
  ...fields,
});

/**
 * The example letter admins preview and test-send: a Flemish family (Sofie Peeters, her children Lotte and Vic
 * Janssens) at Basisschool De Regenboog, with measures dated from today in Brussels. Fictitious; no real data.
 */
export function sampleLetter(
  kind: LetterKind,
  disease: Disease,
  language: string,
  now: Date,
  letterId: string,
  letterBaseUrl: string,
): LetterInput {
  const day = (n: number): string => brusselsDate(now, n);
  const highRisk = [
    measure('quarantine', {
      from: day(0),
      until: day(9),
      returnToSchool: day(10),
      earlyReturnToSchool: day(6),
    }),
    measure('test', { onDate: day(5) }),
    measure('watch-symptoms', { until: day(14) }),
  ];
  const lowRisk = [measure('watch-symptoms', { until: day(14) })];
  const measures = kind === 'high-risk' ? highRisk : kind === 'low-risk' ? lowRisk : [];
  const base = {
    kind,
    disease,
    language,
    guardianName: kind === 'school-notice' ? 'directie Basisschool De Regenboog' : 'Sofie Peeters',
    schoolName: 'Basisschool De Regenboog',
    clbName: 'Vrij CLB Antwerpen',
    isUpdate: false,
    letterUrl: `${letterBaseUrl.replace(/\/+$/, '')}/${letterId}`,
    letterId,
    issuedAt: now.toISOString(),
  };
  if (kind === 'school-notice' || kind === 'staff-page')
    return {
      ...base,
      children: [],
      classes: [
        { name: '3A', measures: highRisk },
        { name: '4B', measures: lowRisk },
      ],
    };
  return {
    ...base,
    children: [
      { firstName: 'Lotte', lastName: 'Janssens', measures, changed: false },
      ...(kind === 'information'
        ? []
        : [{ firstName: 'Vic', lastName: 'Janssens', measures, changed: false }]),
    ],
  };
}
