import {
  signTimestampedWebhook,
  verifyTimestampedWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
} from './webhook-signature';

describe('timestamped webhook signatures (delivery reports)', () => {
  const secret = 'provider-secret-0123456789';
  const now = 1_795_580_100;
  const body = Buffer.from(
    JSON.stringify({
      reports: [{ providerMessageId: 'p-1', status: 'delivered', at: '2026-11-25T08:00:00Z' }],
    }),
  );
  const signed = (overrides: { timestamp?: string; signature?: string; rawBody?: Buffer } = {}) => {
    const timestamp = overrides.timestamp ?? String(now);
    return {
      rawBody: overrides.rawBody ?? body,
      timestamp,
      signature: overrides.signature ?? signTimestampedWebhook(secret, timestamp, body),
    };
  };

  it('accepts the signature of "<timestamp>.<raw body>" under the secret, also during a rotation', () => {
    expect(signTimestampedWebhook(secret, String(now), body)).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyTimestampedWebhook(signed(), [secret], now)).toEqual({ ok: true });
    expect(verifyTimestampedWebhook(signed(), ['old-secret-0123456789', secret], now)).toEqual({ ok: true });
    const upper = signed().signature.replace(/[0-9a-f]{64}$/, (hex) => hex.toUpperCase());
    expect(verifyTimestampedWebhook(signed({ signature: upper }), [secret], now)).toEqual({ ok: true });
  });

  it('refuses a wrong secret', () => {
    expect(verifyTimestampedWebhook(signed(), ['another-secret-0123456789'], now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyTimestampedWebhook(signed(), [''], now)).toMatchObject({ ok: false });
  });

  it('refuses a tampered body, and a timestamp changed after signing', () => {
    const tampered = Buffer.from(body.toString().replace('delivered', 'bounced'));
    expect(verifyTimestampedWebhook(signed({ rawBody: tampered }), [secret], now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const original = signed();
    expect(verifyTimestampedWebhook({ ...original, timestamp: String(now + 1) }, [secret], now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyTimestampedWebhook({ ...original, rawBody: undefined }, [secret], now)).toMatchObject({
      ok: false,
    });
  });

  it('refuses a timestamp more than 5 minutes off either way (replay), before checking the HMAC', () => {
    const at = (offset: number) => signed({ timestamp: String(now + offset) });
    expect(verifyTimestampedWebhook(at(-WEBHOOK_TOLERANCE_SECONDS), [secret], now)).toEqual({ ok: true });
    expect(verifyTimestampedWebhook(at(WEBHOOK_TOLERANCE_SECONDS), [secret], now)).toEqual({ ok: true });
    expect(verifyTimestampedWebhook(at(-WEBHOOK_TOLERANCE_SECONDS - 1), [secret], now)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
    expect(verifyTimestampedWebhook(at(WEBHOOK_TOLERANCE_SECONDS + 1), [secret], now)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('names what is missing or malformed', () => {
    expect(verifyTimestampedWebhook({ ...signed(), signature: undefined }, [secret], now)).toEqual({
      ok: false,
      reason: 'missing-signature',
    });
    expect(verifyTimestampedWebhook({ ...signed(), timestamp: undefined }, [secret], now)).toEqual({
      ok: false,
      reason: 'missing-timestamp',
    });
    expect(verifyTimestampedWebhook(signed({ timestamp: '2026-11-25T08:00:00Z' }), [secret], now)).toEqual({
      ok: false,
      reason: 'bad-timestamp',
    });
    expect(verifyTimestampedWebhook(signed({ signature: 'sha256=abc' }), [secret], now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyTimestampedWebhook(signed({ signature: 'md5=abc' }), [secret], now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });
});
