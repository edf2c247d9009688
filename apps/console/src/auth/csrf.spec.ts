import { checkCsrf, isCrossOrigin } from './csrf';

const TOKEN = 'k3Yq0o8d3F0m1gV7l0W1u5cH9n2Zr6tB4xJ8aE0pQyS';
const request = (method: string, token?: string, origin?: string) => ({
  method,
  token,
  origin,
  host: 'meldpunt.example:3000',
});

describe('checkCsrf', () => {
  it('lets reads through without a token', () => {
    expect(checkCsrf(request('GET'), TOKEN)).toBe('ok');
    expect(checkCsrf(request('HEAD', undefined, 'https://evil.example'), TOKEN)).toBe('ok');
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('wants the session token on %s', (method) => {
    expect(checkCsrf(request(method), TOKEN)).toBe('missing-or-wrong-token');
    expect(checkCsrf(request(method, TOKEN.replace('k', 'K')), TOKEN)).toBe('missing-or-wrong-token');
    expect(checkCsrf(request(method, `${TOKEN}x`), TOKEN)).toBe('missing-or-wrong-token');
    expect(checkCsrf(request(method, TOKEN), TOKEN)).toBe('ok');
    expect(checkCsrf(request(method, TOKEN, 'http://meldpunt.example:3000'), TOKEN)).toBe('ok');
  });

  it('refuses a request another site made, even with the right token', () => {
    expect(checkCsrf(request('POST', TOKEN, 'https://evil.example'), TOKEN)).toBe('cross-origin');
    expect(checkCsrf(request('POST', TOKEN, 'null'), TOKEN)).toBe('cross-origin');
  });
});

describe('isCrossOrigin', () => {
  it('compares the Origin host with the Host header, case-insensitively', () => {
    expect(isCrossOrigin(undefined, 'a.example')).toBe(false);
    expect(isCrossOrigin('https://A.example', 'a.example')).toBe(false);
    expect(isCrossOrigin('https://a.example:8443', 'a.example')).toBe(true);
    expect(isCrossOrigin('garbage', 'a.example')).toBe(true);
    expect(isCrossOrigin('https://a.example', undefined)).toBe(true);
  });
});
