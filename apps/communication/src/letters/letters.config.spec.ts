import { LettersConfig } from './letters.config';

describe('LettersConfig.load: worker concurrency and SMTP pool', () => {
  it('keeps the provider-safe defaults', () => {
    const config = LettersConfig.load({});
    expect(config.concurrency).toBe(4);
    expect(config.smtpPoolSize).toBe(5);
  });

  it('reads LETTER_CONCURRENCY and SMTP_POOL_SIZE', () => {
    const config = LettersConfig.load({ LETTER_CONCURRENCY: '12', SMTP_POOL_SIZE: '8' });
    expect(config.concurrency).toBe(12);
    expect(config.smtpPoolSize).toBe(8);
  });

  it('refuses a concurrency or pool of zero', () => {
    expect(() => LettersConfig.load({ LETTER_CONCURRENCY: '0' })).toThrow(/LETTER_CONCURRENCY/);
    expect(() => LettersConfig.load({ SMTP_POOL_SIZE: '0' })).toThrow(/SMTP_POOL_SIZE/);
  });
});
