import { ServiceTokenSigner, ServiceTokenVerifier, type Principal } from '@meldpunt/auth';
import { loadConsoleConfig } from '../config';
import { UNIT_ENV, UNIT_PUBLIC_KEY } from '../testing/unit-env';
import {
  ServiceClient,
  ServiceUnavailableError,
  buildServiceHeaders,
  type ServiceRequest,
} from './service-client';

const principal: Principal = {
  userId: 'u-1',
  role: 'school',
  clbIds: [],
  schoolIds: ['33333333-3333-4333-8333-333333333333'],
};

describe('buildServiceHeaders', () => {
  const request: ServiceRequest = { method: 'GET', path: '/v1/x', requestId: 'r-1' };

  it('sends the bearer token, JSON accept and the request id only', () => {
    expect(buildServiceHeaders('tok', request)).toEqual({
      authorization: 'Bearer tok',
      accept: 'application/json',
      'x-request-id': 'r-1',
    });
  });

  it('adds the content type with a body, and a well-formed idempotency key', () => {
    expect(
      buildServiceHeaders('tok', {
        ...request,
        method: 'POST',
        body: 'a;b',
        contentType: 'text/csv',
        accept: 'text/csv',
        idempotencyKey: '0b7c3c5e-2f0e-4a43-9f3e-6c1f3a7d9e21',
      }),
    ).toEqual({
      authorization: 'Bearer tok',
      accept: 'text/csv',
      'x-request-id': 'r-1',
      'content-type': 'text/csv',
      'idempotency-key': '0b7c3c5e-2f0e-4a43-9f3e-6c1f3a7d9e21',
    });
  });

  it('drops an idempotency key that could smuggle anything', () => {
    expect(buildServiceHeaders('tok', { ...request, idempotencyKey: 'a\r\nx-evil: 1' })).not.toHaveProperty(
      'idempotency-key',
    );
    expect(buildServiceHeaders('tok', { ...request, contentType: 'text/csv' })).not.toHaveProperty(
      'content-type',
    );
  });
});

describe('ServiceClient', () => {
  const config = loadConsoleConfig({ ...UNIT_ENV, INTAKE_URL: 'http://intake.test/base/' });
  const client = new ServiceClient(config, new ServiceTokenSigner(UNIT_ENV.AUTH_PRIVATE_KEY, 60));
  afterEach(() => jest.restoreAllMocks());

  it('calls the service URL with a token that only that service accepts', async () => {
    const fetchMock = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(
        new Response('{"ok":true}', { status: 201, headers: { 'content-type': 'application/json' } }),
      );
    const answer = await client.json('intake', principal, 'POST', '/v1/clbs?x=1', { name: 'CLB' });
    expect(answer).toEqual({ status: 201, body: { ok: true } });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('http://intake.test/base/v1/clbs?x=1');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"CLB"}');
    expect(init?.redirect).toBe('manual');
    const headers = init?.headers as Record<string, string>;
    const token = headers.authorization?.replace('Bearer ', '') ?? '';
    expect(new ServiceTokenVerifier(UNIT_PUBLIC_KEY, 'intake').verify(token)).toEqual(principal);
    expect(() => new ServiceTokenVerifier(UNIT_PUBLIC_KEY, 'scheduling').verify(token)).toThrow(
      'token is for intake',
    );
  });

  it('turns a failed connection into ServiceUnavailableError', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    await expect(
      client.send('intake', principal, { method: 'GET', path: '/v1/x', requestId: 'r' }),
    ).rejects.toEqual(new ServiceUnavailableError('intake', 'unreachable'));
  });
});
