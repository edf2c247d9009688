import { randomBytes } from 'node:crypto';
import { apiKeyMatches, generateSecrets, hashApiKey, keyIdOfApiKey } from './credential-secrets';
import { SecretSealer } from './secret-sealer';

describe('school credentials', () => {
  it('issues a high-entropy API key whose key id can be read back, and a webhook secret', () => {
    const issued = generateSecrets();
    expect(issued.apiKey).toMatch(/^mpk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(issued.webhookSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(keyIdOfApiKey(issued.apiKey)).toBe(issued.keyId);
    expect(issued.apiKeyHash).toBe(hashApiKey(issued.apiKey));
    expect(generateSecrets().apiKey).not.toBe(issued.apiKey);
  });

  it('checks an API key against the stored hash only', () => {
    const issued = generateSecrets();
    expect(apiKeyMatches(issued.apiKey, issued.apiKeyHash)).toBe(true);
    const last = issued.apiKey.slice(-1);
    expect(apiKeyMatches(`${issued.apiKey.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`, issued.apiKeyHash)).toBe(
      false,
    );
    expect(apiKeyMatches(issued.apiKey, 'short')).toBe(false);
  });

  it('refuses malformed API keys', () => {
    for (const bad of ['', 'mpk_', 'mpk_abc_def', `Bearer ${generateSecrets().apiKey}`]) {
      expect(keyIdOfApiKey(bad)).toBeNull();
    }
  });

  describe('SecretSealer', () => {
    const sealer = new SecretSealer(randomBytes(32));

    it('opens what it sealed, for the same credential only', () => {
      const sealed = sealer.seal('whsec_abc', 'key-1/school-1');
      expect(sealed).not.toContain('whsec_abc');
      expect(sealer.open(sealed, 'key-1/school-1')).toBe('whsec_abc');
      expect(() => sealer.open(sealed, 'key-2/school-1')).toThrow();
    });

    it('detects tampering and a wrong key', () => {
      const sealed = sealer.seal('whsec_abc', 'k');
      const parts = sealed.split('.');
      const flipped = Buffer.from(parts[3] ?? '', 'base64url');
      flipped[0] = (flipped[0] ?? 0) ^ 1;
      expect(() =>
        sealer.open([...parts.slice(0, 3), flipped.toString('base64url')].join('.'), 'k'),
      ).toThrow();
      expect(() => new SecretSealer(randomBytes(32)).open(sealed, 'k')).toThrow();
      expect(() => sealer.open('garbage', 'k')).toThrow('not a sealed secret');
    });

    it('needs a 32-byte key', () => {
      expect(() => new SecretSealer(randomBytes(16))).toThrow(RangeError);
    });
  });
});
