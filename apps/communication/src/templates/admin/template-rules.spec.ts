import {
  allowedPlaceholders,
  maxLengthOf,
  placeholdersOf,
  textFieldErrors,
  textProblems,
} from './template-rules';

describe('template rules', () => {
  it('finds each placeholder once, in order', () => {
    expect(placeholdersOf('{children} op {school}: {children} en {disease}')).toEqual([
      'children',
      'school',
      'disease',
    ]);
    expect(placeholdersOf('geen')).toEqual([]);
  });

  it('allows the placeholders of the Dutch reference text', () => {
    expect(allowedPlaceholders('intro.high-risk')).toEqual(['children', 'school', 'disease']);
    expect(allowedPlaceholders('closing')).toEqual([]);
  });

  it('accepts a text that uses a subset of the allowed placeholders', () => {
    expect(textProblems('intro.high-risk', '{children} moet thuisblijven.')).toEqual([]);
    expect(textProblems('intro.high-risk', 'Geen plaatshouders nodig.')).toEqual([]);
  });

  it('refuses a placeholder the Dutch text does not have, naming the allowed ones (Dutch field error)', () => {
    expect(textFieldErrors('text', 'intro.high-risk', 'Beste {naam}, {children} en {foo}')).toEqual([
      {
        field: 'text',
        messages: [
          'text Onbekende plaatshouders: {naam}, {foo}. Toegestaan: {children}, {school}, {disease}.',
        ],
      },
    ]);
    expect(textProblems('closing', 'Groeten, {clb}')).toEqual([
      'Onbekende plaatshouder: {clb}. Deze tekst heeft geen plaatshouders.',
    ]);
  });

  it('refuses blank text, HTML, stray braces and overlong text', () => {
    expect(textProblems('greeting', '   ')).toEqual(['Vul een tekst in.']);
    expect(textProblems('greeting', 42)).toEqual(['Vul een tekst in.']);
    expect(textProblems('greeting', 'Beste <b>{name}</b>,')).toEqual([expect.stringContaining('geen HTML')]);
    expect(textProblems('greeting', 'Beste {name,')).toEqual([expect.stringContaining('tussen { en }')]);
    expect(textProblems('greeting', 'Beste { name },')).toEqual([expect.stringContaining('tussen { en }')]);
    expect(maxLengthOf('sms.high-risk')).toBe(320);
    expect(textProblems('sms.high-risk', 'x'.repeat(321))).toEqual([
      'De tekst is te lang (maximaal 320 tekens).',
    ]);
    expect(textProblems('intro.high-risk', 'x'.repeat(1_500))).toEqual([]);
  });

  it('returns no field errors for a good text', () => {
    expect(textFieldErrors('draft.greeting', 'greeting', 'Dag {name},')).toEqual([]);
  });
});
