import { segmentSms, smsFriendly } from './sms';

describe('segmentSms', () => {
  it('fits 160 GSM-7 characters in one SMS and needs two for 161', () => {
    expect(segmentSms('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(segmentSms('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(segmentSms('a'.repeat(306)).segments).toBe(2);
    expect(segmentSms('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters (€, ^, braces…) as two septets', () => {
    expect(segmentSms(`${'a'.repeat(158)}€`)).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(segmentSms(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(segmentSms(`${'a'.repeat(159)}^`).segments).toBe(2);
    expect(segmentSms('{}[]~|\\').units).toBe(14);
  });

  it('never splits an escape pair across parts', () => {
    // 152 + (€ = 2) does not fit 153: the € opens part two, and the last character needs a third part.
    expect(segmentSms(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({
      encoding: 'GSM-7',
      units: 306,
      segments: 3,
    });
  });

  it('keeps accented letters of the GSM basic table in GSM-7 and others in UCS-2', () => {
    expect(segmentSms('àéèùìòÄÖÜäöüñÑßÉÇ').encoding).toBe('GSM-7');
    expect(segmentSms('reçu').encoding).toBe('UCS-2');
    expect(segmentSms('vóór').encoding).toBe('UCS-2');
  });

  it('counts UCS-2 in UTF-16 code units: 70 in one SMS, 67 per part', () => {
    expect(segmentSms('ж'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(segmentSms('ж'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(segmentSms('ж'.repeat(134)).segments).toBe(2);
    expect(segmentSms('ж'.repeat(135)).segments).toBe(3);
  });

  it('counts Arabic as UCS-2', () => {
    expect(segmentSms('م'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(segmentSms('م'.repeat(71)).segments).toBe(2);
  });

  it('counts an emoji as two code units and never splits the pair', () => {
    expect(segmentSms(`${'a'.repeat(68)}😀`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(segmentSms(`${'a'.repeat(69)}😀`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    // 66 + 2 > 67: the emoji opens part two (2 + 65), and one character is left for a third part.
    expect(segmentSms(`${'a'.repeat(66)}😀${'a'.repeat(66)}`)).toEqual({
      encoding: 'UCS-2',
      units: 134,
      segments: 3,
    });
  });

  it('has no segments for an empty text', () => {
    expect(segmentSms('').segments).toBe(0);
  });
});

describe('smsFriendly', () => {
  it('replaces typographic quotes, dashes and odd spaces so the text can stay GSM-7', () => {
    const text = smsFriendly('l’école – “vite”\u00a0\u202fok\u200f');
    expect(text).toBe('l\'école - "vite" ok');
    expect(segmentSms(text).encoding).toBe('GSM-7');
  });
});
