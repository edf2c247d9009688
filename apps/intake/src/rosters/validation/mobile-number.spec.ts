import { normaliseEmail } from './email-address';
import { parseDutchDate } from './calendar-date';
import { normaliseLanguage } from './languages';
import { normaliseMobile } from './mobile-number';

describe('normaliseMobile', () => {
  it.each([
    ['0470 12 34 56', '+32470123456'],
    ['0470/12.34.56', '+32470123456'],
    ['0470-123-456', '+32470123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['+32 (0)470 12 34 56', '+32470123456'],
    ['0032 470 12 34 56', '+32470123456'],
    ['32470123456', '+32470123456'],
    ['470123456', '+32470123456'],
    ['0456 78 90 12', '+32456789012'],
    ['+31 6 12345678', '+31612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+48 512 345 678', '+48512345678'],
  ])('normalises %s to %s', (raw, expected) => {
    expect(normaliseMobile(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['09 123 45 67', '+32 9 123 45 67', '02/123.45.67'])('refuses the Belgian landline %s', (raw) => {
    expect(normaliseMobile(raw)).toEqual({ ok: false, problem: 'landline' });
  });

  it.each([
    '0470',
    '04701234567890',
    'abc',
    '0470 12 34 5x',
    '+',
    '47012345',
    '+32 470 12 34 56 78',
    '12+34',
  ])('refuses %s', (raw) => {
    expect(normaliseMobile(raw)).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases, also around mailto: and <…>', () => {
    expect(normaliseEmail('  Marie.Peeters@Example.BE ')).toEqual({
      ok: true,
      value: 'marie.peeters@example.be',
    });
    expect(normaliseEmail('mailto:jan@example.be')).toEqual({ ok: true, value: 'jan@example.be' });
    expect(normaliseEmail('<jan@example.be>')).toEqual({ ok: true, value: 'jan@example.be' });
    expect(normaliseEmail('zoë@exämple.be')).toEqual({ ok: true, value: 'zoë@exämple.be' });
  });

  it.each([
    'jan',
    'jan@',
    '@example.be',
    'jan@example',
    'jan@@example.be',
    'jan..p@example.be',
    'jan p@example.be',
    'jan@example.b',
  ])('refuses %s', (raw) => {
    expect(normaliseEmail(raw)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('says when a cell holds two addresses', () => {
    expect(normaliseEmail('a@example.be; b@example.be')).toEqual({ ok: false, problem: 'several' });
  });
});

describe('parseDutchDate', () => {
  it.each([
    ['12/03/2015', '2015-03-12'],
    ['1/9/2014', '2014-09-01'],
    ['01-09-2014', '2014-09-01'],
    ['01.09.2014', '2014-09-01'],
    ['2015-03-12', '2015-03-12'],
    ['29/02/2016', '2016-02-29'],
  ])('reads %s', (raw, expected) => {
    expect(parseDutchDate(raw)).toBe(expected);
  });

  it.each([
    '31/02/2015',
    '29/02/2015',
    '12/13/2015',
    '2015/03/12',
    '12/03/15',
    '00/01/2015',
    'morgen',
    '2015-3-32',
    '',
  ])('refuses %s', (raw) => {
    expect(parseDutchDate(raw)).toBeNull();
  });
});

describe('normaliseLanguage', () => {
  it.each([
    ['nl', 'nl'],
    ['NL', 'nl'],
    ['nl-BE', 'nl'],
    ['uk', 'uk'],
    ['Nederlands', 'nl'],
    ['Frans', 'fr'],
    ['Oekraïens', 'uk'],
    ['Arabisch', 'ar'],
    ['tr', 'tr'],
    ['ro', 'ro'],
  ])('reads %s as %s', (raw, expected) => {
    expect(normaliseLanguage(raw)).toBe(expected);
  });

  it.each(['xx', 'vlaams-ish', 'klingon', 'eng'])('refuses %s', (raw) => {
    expect(normaliseLanguage(raw)).toBeNull();
  });
});
