import { smsIntent } from './opt-out-keywords';
import { normaliseNumber, SmsNumberHasher } from './sms-number-hasher';

describe('smsIntent', () => {
  it.each(['STOP', 'stop', '  Stop \n', 'STOP ALLES', 'stop   alles', 'ARRET', 'arrêt', 'UNSUBSCRIBE'])(
    '%j opts out',
    (body) => expect(smsIntent(body)).toBe('opt-out'),
  );

  it.each(['START', ' start '])('%j opts back in', (body) => expect(smsIntent(body)).toBe('opt-in'));

  it.each(['', 'Bedankt!', 'STOP met die berichten aub', 'STOPPEN', 'STARTEN'])('%j is ignored', (body) =>
    expect(smsIntent(body)).toBeNull(),
  );
});

describe('SmsNumberHasher', () => {
  const key = Buffer.alloc(32, 7);

  it('hashes the same number written differently alike, and never to the number itself', () => {
    const hasher = new SmsNumberHasher(key);
    const hash = hasher.hash('+32470123456');
    expect(hasher.hash('+32 470 12 34 56')).toBe(hash);
    expect(hasher.hash('0032470123456')).toBe(hash);
    expect(hasher.hash('+32470123457')).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('470123456');
  });

  it('depends on the key (not enumerable without it)', () => {
    expect(new SmsNumberHasher(key).hash('+32470123456')).not.toBe(
      new SmsNumberHasher(Buffer.alloc(32, 8)).hash('+32470123456'),
    );
  });

  it('normalises spaces and 00', () => {
    expect(normaliseNumber('0032 (470) 12-34-56')).toBe('+32470123456');
  });
});
