import { bodyKindOf, proxiedService, servicePathOf } from './proxy-request';

describe('proxiedService', () => {
  it('knows the four services and nothing else', () => {
    expect(proxiedService('/api/intake/v1/schools')).toBe('intake');
    expect(proxiedService('/api/risk-assessment/v1/cases?x=1')).toBe('risk-assessment');
    expect(proxiedService('/api/communication/v1/letters')).toBe('communication');
    expect(proxiedService('/api/scheduling/v1/rotas')).toBe('scheduling');
    expect(proxiedService('/api/intakes/v1')).toBeNull();
    expect(proxiedService('/api/admin/users')).toBeNull();
    expect(proxiedService('/api/status')).toBeNull();
    expect(proxiedService('/auth/me')).toBeNull();
  });
});

describe('servicePathOf', () => {
  it('keeps path and query as they are', () => {
    expect(servicePathOf('/api/intake/v1/schools/abc/pupils?search=Em%20ma&x=1')).toBe(
      '/v1/schools/abc/pupils?search=Em%20ma&x=1',
    );
    expect(servicePathOf('/api/intake/v1/meldingen?next=../x')).toBe('/v1/meldingen?next=../x');
  });

  it.each([
    '/api/intake/v1/../admin',
    '/api/intake/v1/./x',
    '/api/intake/v1//x',
    '/api/intake/v1/%2e%2e/admin',
    '/api/intake/v1/%2E./admin',
    '/api/intake/v1/a%2fb',
    '/api/intake/v1/a%5Cb',
    '/api/intake/v1\\x',
    '/api/intake/',
    '/api/nothing/v1',
  ])('refuses %s', (url) => {
    expect(servicePathOf(url)).toBeNull();
  });
});

describe('bodyKindOf', () => {
  it('recognises JSON and CSV only', () => {
    expect(bodyKindOf('application/json')).toBe('json');
    expect(bodyKindOf('application/json; charset=utf-8')).toBe('json');
    expect(bodyKindOf('application/merge-patch+json')).toBe('json');
    expect(bodyKindOf('text/csv; charset=utf-8')).toBe('csv');
    expect(bodyKindOf('TEXT/CSV')).toBe('csv');
    expect(bodyKindOf('text/plain')).toBeNull();
    expect(bodyKindOf('multipart/form-data; boundary=x')).toBeNull();
    expect(bodyKindOf(undefined)).toBeNull();
  });
});
