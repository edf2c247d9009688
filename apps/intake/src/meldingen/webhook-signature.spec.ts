import { createHmac } from 'node:crypto';
import {
  checkWebhookTimestamp,
  signWebhook,
  verifyWebhookSignature,
  WebhookReplayStore,
  type WebhookSecret,
} from './webhook-signature';

class MemoryReplayStore extends WebhookReplayStore {
  readonly seen = new Set<string>();
  async claim(digest: string, _ttlSeconds: number): Promise<boolean> {
    if (this.seen.has(digest)) return false;
    this.seen.add(digest);
    return true;
  }
  async release(digest: string): Promise<void> {
    this.seen.delete(digest);
  }
}

const NOW = 1_795_000_000;
const secrets: WebhookSecret[] = [{ keyId: 'k-current', secret: 'whsec_current-secret' }];
const body = Buffer.from('{"schoolId":"s","disease":"measles"}');
const signed = (secret = 'whsec_current-secret', timestamp = String(NOW), raw: Buffer = body) => ({
  timestamp,
  rawBody: raw,
  signature: `sha256=${signWebhook(secret, timestamp, raw)}`,
});

describe('webhook signatures', () => {
  it('signs exactly what the README tells schools to sign (openssl dgst -sha256 -hmac)', () => {
    const expected = createHmac('sha256', 'whsec_current-secret')
      .update(`${NOW}.${body.toString()}`)
      .digest('hex');
    expect(signWebhook('whsec_current-secret', String(NOW), body)).toBe(expected);
  });

  it('accepts a good signature and says which key matched', () => {
    expect(verifyWebhookSignature(signed(), secrets, NOW)).toMatchObject({ ok: true, keyId: 'k-current' });
  });

  it('accepts upper-case hex and the previous key during a rotation grace period', () => {
    const upper = signed();
    const request = { ...upper, signature: `sha256=${upper.signature.slice(7).toUpperCase()}` };
    expect(verifyWebhookSignature(request, secrets, NOW).ok).toBe(true);
    const both = [{ keyId: 'k-new', secret: 'whsec_new' }, ...secrets];
    expect(verifyWebhookSignature(signed(), both, NOW)).toMatchObject({ ok: true, keyId: 'k-current' });
  });

  it('refuses a bad signature: other secret, changed body, other timestamp', () => {
    expect(verifyWebhookSignature(signed('whsec_other'), secrets, NOW)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const changed = { ...signed(), rawBody: Buffer.from(`${body.toString()} `) };
    expect(verifyWebhookSignature(changed, secrets, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    const moved = { ...signed(), timestamp: String(NOW + 1) };
    expect(verifyWebhookSignature(moved, secrets, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhookSignature(signed(), [], NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses malformed signatures before computing anything', () => {
    for (const signature of [
      '',
      'sha256=',
      'sha1=abc',
      `sha256=${'z'.repeat(64)}`,
      `sha256=${'a'.repeat(63)}`,
    ]) {
      expect(verifyWebhookSignature({ ...signed(), signature }, secrets, NOW)).toEqual({
        ok: false,
        reason: 'bad-signature-format',
      });
    }
  });

  it('refuses stale timestamps (more than 5 minutes either way) and non-numeric ones', () => {
    expect(checkWebhookTimestamp(String(NOW - 300), NOW)).toBe('ok');
    expect(checkWebhookTimestamp(String(NOW + 300), NOW)).toBe('ok');
    expect(verifyWebhookSignature(signed(undefined, String(NOW - 301)), secrets, NOW)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
    expect(verifyWebhookSignature(signed(undefined, String(NOW + 301)), secrets, NOW)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
    for (const timestamp of ['', '1.5', '-1', 'now', '1795000000000000']) {
      expect(checkWebhookTimestamp(timestamp, NOW)).toBe('bad-timestamp');
    }
  });

  it('lets a signed request through once: a replay within the window is refused', async () => {
    const store = new MemoryReplayStore();
    const check = verifyWebhookSignature(signed(), secrets, NOW);
    if (!check.ok) throw new Error('expected a valid signature');
    expect(await store.claim(check.digest, 660)).toBe(true);
    const again = verifyWebhookSignature(signed(), secrets, NOW + 10);
    if (!again.ok) throw new Error('expected a valid signature');
    expect(again.digest).toBe(check.digest);
    expect(await store.claim(again.digest, 660)).toBe(false);
    await store.release(check.digest);
    expect(await store.claim(check.digest, 660)).toBe(true);
  });
});
