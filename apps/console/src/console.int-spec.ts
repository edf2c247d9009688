// The console's own HTTP surface on a throwaway Postgres database, with a fake intake on node:http: login and
// sessions, cookie flags, CSRF, roles, the admin users API and the forwarding of /api/<service>/… to the services.
import { Client } from 'pg';
import { listRoutes } from '@meldpunt/auth';
import { TEST_AUTH_KEYS, TestHarness } from '@meldpunt/testing';
import { PAGE_PATHS } from './pages/page-paths';
import { startConsole, logIn, TEST_PASSWORD, type ConsoleFixture } from './testing/console-fixture';
import { FAKE_MESSAGES, FakeIntake } from './testing/fake-intake';

const BAD_CREDENTIALS = 'E-mailadres of wachtwoord is onjuist.';

describe('console (HTTP, real Postgres)', () => {
  let harness: TestHarness;
  let fake: FakeIntake;
  let demo: ReturnType<FakeIntake['seedDemo']>;
  let consoleApp: ConsoleFixture;
  let base: string;

  const call = (path: string, init: RequestInit & { cookie?: string; csrf?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    if (init.csrf) headers.set('x-csrf-token', init.csrf);
    return fetch(`${base}${path}`, { ...init, headers });
  };
  const postJson = (path: string, body: unknown, auth: { cookie?: string; csrf?: string } = {}) =>
    call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      ...auth,
    });
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: consoleApp.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    fake = await FakeIntake.start(TEST_AUTH_KEYS.publicKey);
    demo = fake.seedDemo();
    consoleApp = await startConsole(harness, {
      INTAKE_URL: fake.url,
      // Nothing listens on port 9: the console must answer 502, not hang or crash.
      SCHEDULING_URL: 'http://127.0.0.1:9',
    });
    base = consoleApp.baseUrl;
    await consoleApp.createUser('admin@meldpunt.test', 'admin', {}, 'Beheerder');
    await consoleApp.createUser('school@meldpunt.test', 'school', { schoolIds: [demo.schoolId] }, 'Directie');
    await consoleApp.createUser('arts@meldpunt.test', 'doctor', { clbIds: [demo.clbId] }, 'Dokter');
    await consoleApp.createUser('throttled@meldpunt.test', 'school', { schoolIds: [demo.schoolId] });
    const gone = await consoleApp.createUser('gone@meldpunt.test', 'school', { schoolIds: [demo.schoolId] });
    await query('UPDATE user_account SET active = false WHERE id = $1', [gone.id]);
  });

  afterAll(async () => {
    await consoleApp?.close();
    await fake?.stop();
    await harness?.cleanup();
  });

  describe('login', () => {
    it('opens a session: HttpOnly, SameSite=Strict, Path=/ cookie, user and CSRF token in the body', async () => {
      const response = await postJson('/auth/login', {
        email: 'school@meldpunt.test',
        password: TEST_PASSWORD,
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^meldpunt_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Secure');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as { user: Record<string, unknown>; csrfToken: string };
      expect(body.user).toMatchObject({
        displayName: 'Directie',
        role: 'school',
        schoolIds: [demo.schoolId],
      });
      expect(body.user).not.toHaveProperty('passwordHash');
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('stores only a hash of the session id', async () => {
      const { cookie } = await logIn(base, 'arts@meldpunt.test');
      const id = cookie.split('=')[1] ?? '';
      const rows = await query<{ id_hash: string }>('SELECT id_hash FROM session');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((row) => row.id_hash.includes(id))).toBe(false);
    });

    it('matches the e-mail address regardless of case', async () => {
      const response = await postJson('/auth/login', {
        email: ' School@Meldpunt.TEST ',
        password: TEST_PASSWORD,
      });
      expect(response.status).toBe(200);
    });

    it.each([
      ['a wrong password', 'school@meldpunt.test', 'niet het juiste wachtwoord'],
      ['an unknown address', 'nobody@meldpunt.test', TEST_PASSWORD],
      ['a deactivated account', 'gone@meldpunt.test', TEST_PASSWORD],
    ])('refuses %s with the same generic message and no cookie', async (_case, email, password) => {
      const response = await postJson('/auth/login', { email, password });
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.json()).toEqual({ statusCode: 401, message: BAD_CREDENTIALS });
    });

    it('refuses a malformed body with field errors', async () => {
      const response = await postJson('/auth/login', { email: 'x@y.z' });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { fields: { field: string }[] };
      expect(body.fields.map((field) => field.field)).toContain('password');
    });

    it('throttles an address after 5 failures, even with the right password next', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const response = await postJson('/auth/login', {
          email: 'throttled@meldpunt.test',
          password: 'fout-fout-fout',
        });
        expect(response.status).toBe(401);
      }
      const blocked = await postJson('/auth/login', {
        email: 'throttled@meldpunt.test',
        password: TEST_PASSWORD,
      });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(((await blocked.json()) as { message: string }).message).toMatch(/Te veel mislukte pogingen/);
    });

    it('refuses a login posted from another site', async () => {
      const response = await postJson('/auth/login', {
        email: 'school@meldpunt.test',
        password: TEST_PASSWORD,
      });
      expect(response.status).toBe(200);
      const crossSite = await call('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify({ email: 'school@meldpunt.test', password: TEST_PASSWORD }),
      });
      expect(crossSite.status).toBe(403);
    });

    it('sets a Secure cookie when COOKIE_SECURE=true', async () => {
      const secure = await startConsole(harness, { COOKIE_SECURE: 'true' }, consoleApp.databaseUrl);
      try {
        const { setCookie } = await logIn(secure.baseUrl, 'school@meldpunt.test');
        expect(setCookie).toContain('Secure');
      } finally {
        await secure.close();
      }
    });
  });

  describe('sessions', () => {
    it('GET /auth/me answers for a session and 401 without', async () => {
      const { cookie, csrfToken } = await logIn(base, 'arts@meldpunt.test');
      const me = await call('/auth/me', { cookie });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ user: { role: 'doctor', clbIds: [demo.clbId] }, csrfToken });
      expect((await call('/auth/me')).status).toBe(401);
    });

    it('logout needs the CSRF token, then ends the session and clears the cookie', async () => {
      const { cookie, csrfToken } = await logIn(base, 'arts@meldpunt.test');
      expect((await call('/auth/logout', { method: 'POST', cookie })).status).toBe(403);
      const out = await call('/auth/logout', { method: 'POST', cookie, csrf: csrfToken });
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/^meldpunt_session=;.*Expires=Thu, 01 Jan 1970/);
      const after = await call('/auth/me', { cookie });
      expect(after.status).toBe(401);
      expect(await after.json()).toEqual({
        statusCode: 401,
        message: 'Uw sessie is verlopen. Meld u opnieuw aan.',
      });
    });

    it('ends a session past its expiry and deletes it', async () => {
      const { cookie } = await logIn(base, 'arts@meldpunt.test');
      await query(
        "UPDATE session SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM user_account WHERE email = 'arts@meldpunt.test')",
      );
      expect((await call('/auth/me', { cookie })).status).toBe(401);
    });

    it('moves the idle deadline on user requests, but not on background polling', async () => {
      const { cookie } = await logIn(base, 'school@meldpunt.test');
      const idHash = (
        await query<{ id_hash: string }>(
          'SELECT id_hash FROM session WHERE last_seen_at = (SELECT max(last_seen_at) FROM session)',
        )
      )[0]?.id_hash;
      await query(
        "UPDATE session SET last_seen_at = now() - interval '5 minutes', expires_at = now() + interval '25 minutes' WHERE id_hash = $1",
        [idHash],
      );
      const seen = async () =>
        (
          await query<{ age: number }>(
            'SELECT extract(epoch FROM now() - last_seen_at)::int AS age FROM session WHERE id_hash = $1',
            [idHash],
          )
        )[0]?.age ?? -1;
      expect((await call('/auth/me', { cookie, headers: { 'x-meldpunt-background': '1' } })).status).toBe(
        200,
      );
      expect(await seen()).toBeGreaterThanOrEqual(299);
      expect((await call('/auth/me', { cookie })).status).toBe(200);
      expect(await seen()).toBeLessThan(5);
    });

    it('treats a made-up cookie as no session and clears it', async () => {
      const response = await call('/auth/me', { cookie: `meldpunt_session=${'A'.repeat(43)}` });
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toMatch(/^meldpunt_session=;/);
    });
  });

  describe('CSRF and roles', () => {
    it('refuses a state-changing request without, with a wrong, or with a cross-site CSRF token', async () => {
      const { cookie, csrfToken } = await logIn(base, 'admin@meldpunt.test');
      const user = { email: 'csrf@meldpunt.test', displayName: 'X', role: 'admin', password: TEST_PASSWORD };
      expect((await postJson('/api/admin/users', user, { cookie })).status).toBe(403);
      expect((await postJson('/api/admin/users', user, { cookie, csrf: 'x'.repeat(43) })).status).toBe(403);
      const crossSite = await call('/api/admin/users', {
        method: 'POST',
        cookie,
        csrf: csrfToken,
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify(user),
      });
      expect(crossSite.status).toBe(403);
      const proxied = await call('/api/intake/v1/clbs', {
        method: 'POST',
        cookie,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Zonder token' }),
      });
      expect(proxied.status).toBe(403);
      expect(fake.clbs.map((clb) => clb.name)).not.toContain('Zonder token');
    });

    it('gives school users and doctors 403 on the admin API', async () => {
      for (const email of ['school@meldpunt.test', 'arts@meldpunt.test']) {
        const { cookie, csrfToken } = await logIn(base, email);
        expect((await call('/api/admin/users', { cookie })).status).toBe(403);
        const create = await postJson(
          '/api/admin/users',
          { email: 'x@meldpunt.test', displayName: 'X', role: 'admin', password: TEST_PASSWORD },
          { cookie, csrf: csrfToken },
        );
        expect(create.status).toBe(403);
        const patch = await call(`/api/admin/users/${demo.schoolId}`, {
          method: 'PATCH',
          cookie,
          csrf: csrfToken,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ active: false }),
        });
        expect(patch.status).toBe(403);
      }
    });

    it('answers 401 on every /api/ and /auth/ route without a session', async () => {
      const routes = listRoutes(consoleApp.app).filter(
        (route) =>
          route.path.startsWith('/api/') || (route.path.startsWith('/auth/') && route.path !== '/auth/login'),
      );
      expect(routes.length).toBeGreaterThanOrEqual(9);
      for (const route of routes) {
        const path = route.path.replace(/:[a-zA-Z]+/g, demo.schoolId).replace(/\*[a-zA-Z]+/g, 'v1/echo');
        if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)) continue;
        const methods = [route.method];
        for (const method of methods) {
          const response = await call(path, {
            method,
            headers: { 'content-type': 'application/json' },
            body: ['GET', 'HEAD'].includes(method) ? undefined : '{}',
          });
          expect({ route: `${method} ${path}`, status: response.status }).toEqual({
            route: `${method} ${path}`,
            status: 401,
          });
        }
      }
      expect(fake.requests.filter((request) => request.url === '/v1/echo')).toHaveLength(0);
    });

    it('keeps /health, /docs and the page shell public, with security headers', async () => {
      const health = await call('/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
      expect((await call('/docs-json')).status).toBe(200);
      for (const path of ['/', ...PAGE_PATHS]) {
        const page = await call(path);
        expect({ path, status: page.status }).toEqual({ path, status: 200 });
        expect(await page.text()).toContain('<script type="module" src="/app.js"></script>');
        expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });
  });

  describe('forwarding to the services', () => {
    it('calls intake with a token for intake carrying the user principal, never the cookie', async () => {
      const { cookie } = await logIn(base, 'school@meldpunt.test');
      const response = await call('/api/intake/v1/schools?x=1&y=twee', { cookie });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as { items: { id: string }[] };
      expect(body.items.map((school) => school.id)).toEqual([demo.schoolId]);
      const seen = fake.requests.at(-1);
      expect(seen?.url).toBe('/v1/schools?x=1&y=twee');
      expect(seen?.principal).toMatchObject({ role: 'school', schoolIds: [demo.schoolId], clbIds: [] });
      expect(seen?.headers.cookie).toBeUndefined();
      expect(seen?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('passes a CSV body through byte for byte with its content type, and the service status back', async () => {
      const { cookie, csrfToken } = await logIn(base, 'school@meldpunt.test');
      const csv = 'voornaam;achternaam;geboortedatum;klas\nÉlise;D’Hondt;2018-03-04;3B\n';
      const response = await call(
        `/api/intake/v1/schools/${demo.schoolId}/roster-imports/csv?schoolYear=2026-2027`,
        {
          method: 'POST',
          cookie,
          csrf: csrfToken,
          headers: { 'content-type': 'text/csv; charset=utf-8', 'idempotency-key': 'upload-1' },
          body: csv,
        },
      );
      expect(response.status).toBe(202);
      const seen = fake.requests.at(-1);
      expect(seen?.body).toBe(csv);
      expect(seen?.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(seen?.headers['idempotency-key']).toBe('upload-1');
    });

    it('passes 404, 403 and 422 from the service on with their body', async () => {
      const { cookie, csrfToken } = await logIn(base, 'school@meldpunt.test');
      const other = await call(`/api/intake/v1/schools/${demo.otherSchoolId}/groups`, { cookie });
      expect(other.status).toBe(404);
      expect(((await other.json()) as { message: string }).message).toBe(FAKE_MESSAGES.schoolNotFound);
      const melding = {
        schoolId: demo.schoolId,
        subject: { kind: 'unlisted', firstName: 'Lotte', lastName: 'Claes', role: 'pupil' },
        disease: 'measles',
        onsetDate: '2999-01-01',
        test: null,
        lastDayPresent: '2026-01-05',
        contactPerson: { name: 'Directie', phone: '09 123 45 67' },
      };
      const elsewhere = await postJson(
        '/api/intake/v1/meldingen',
        { ...melding, schoolId: demo.otherSchoolId },
        { cookie, csrf: csrfToken },
      );
      expect(elsewhere.status).toBe(403);
      const invalid = await postJson('/api/intake/v1/meldingen', melding, { cookie, csrf: csrfToken });
      expect(invalid.status).toBe(422);
      const body = (await invalid.json()) as { fields: { field: string }[] };
      expect(body.fields.map((field) => field.field)).toEqual(['onsetDate']);
    });

    it('refuses other body types, paths that step outside, and explains an unreachable service', async () => {
      const { cookie, csrfToken } = await logIn(base, 'school@meldpunt.test');
      const xml = await call('/api/intake/v1/meldingen', {
        method: 'POST',
        cookie,
        csrf: csrfToken,
        headers: { 'content-type': 'application/xml' },
        body: '<melding/>',
      });
      expect(xml.status).toBe(415);
      expect((await call('/api/intake/v1/x%2f..%2fadmin', { cookie })).status).toBe(400);
      const down = await call('/api/scheduling/v1/rotas', { cookie });
      expect(down.status).toBe(502);
      expect(((await down.json()) as { message: string }).message).toContain('Planning/permanentie');
    });
  });

  describe('admin users API', () => {
    let admin: { cookie: string; csrfToken: string };
    beforeAll(async () => {
      admin = await logIn(base, 'admin@meldpunt.test');
    });
    const auth = () => ({ cookie: admin.cookie, csrf: admin.csrfToken });
    const patch = (id: string, body: unknown) =>
      call(`/api/admin/users/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        ...auth(),
      });

    it('creates a school user who can then log in, and lists accounts without hashes', async () => {
      const created = await postJson(
        '/api/admin/users',
        {
          email: 'Nieuw@School.be',
          displayName: 'Nieuwe directie',
          role: 'school',
          schoolIds: [demo.schoolId],
          password: 'een heel lang wachtwoord',
        },
        auth(),
      );
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ email: 'nieuw@school.be', role: 'school', active: true });
      await logIn(base, 'nieuw@school.be', 'een heel lang wachtwoord');
      const list = await call('/api/admin/users', { cookie: admin.cookie });
      const { users } = (await list.json()) as { users: Record<string, unknown>[] };
      expect(users.map((user) => user.email)).toContain('nieuw@school.be');
      expect(JSON.stringify(users)).not.toContain('argon2');
    });

    it('explains a short password, a duplicate address and a missing school per field', async () => {
      const short = await postJson(
        '/api/admin/users',
        { email: 'ander@school.be', displayName: 'K', role: 'admin', password: 'kort' },
        auth(),
      );
      expect(short.status).toBe(400);
      expect(await short.json()).toMatchObject({
        fields: [{ field: 'password', messages: ['Het wachtwoord moet minstens 12 tekens lang zijn.'] }],
      });
      const duplicate = await postJson(
        '/api/admin/users',
        { email: 'ADMIN@meldpunt.test', displayName: 'A', role: 'admin', password: TEST_PASSWORD },
        auth(),
      );
      expect(duplicate.status).toBe(409);
      expect(await duplicate.json()).toMatchObject({ fields: [{ field: 'email' }] });
      const unbound = await postJson(
        '/api/admin/users',
        { email: 'los@school.be', displayName: 'L', role: 'school', password: TEST_PASSWORD },
        auth(),
      );
      expect(unbound.status).toBe(400);
      expect(await unbound.json()).toMatchObject({ fields: [{ field: 'schoolIds' }] });
      const unknownProperty = await postJson(
        '/api/admin/users',
        { email: 'x@school.be', displayName: 'X', role: 'admin', password: TEST_PASSWORD, isRoot: true },
        auth(),
      );
      expect(unknownProperty.status).toBe(400);
    });

    it('deactivating an account ends its sessions at once; role changes apply on the next request', async () => {
      const user = await consoleApp.createUser('weg@school.be', 'school', { schoolIds: [demo.schoolId] });
      const theirs = await logIn(base, 'weg@school.be');
      const changed = await patch(user.id, { role: 'coordinator', clbIds: [demo.clbId], schoolIds: [] });
      expect(changed.status).toBe(200);
      expect(await (await call('/auth/me', { cookie: theirs.cookie })).json()).toMatchObject({
        user: { role: 'coordinator' },
      });
      expect((await patch(user.id, { active: false })).status).toBe(200);
      expect((await call('/auth/me', { cookie: theirs.cookie })).status).toBe(401);
      expect(
        (await postJson('/auth/login', { email: 'weg@school.be', password: TEST_PASSWORD })).status,
      ).toBe(401);
    });

    it('does not let an admin deactivate themselves, and answers 404 for an unknown account', async () => {
      const me = (await (await call('/auth/me', { cookie: admin.cookie })).json()) as {
        user: { id: string };
      };
      expect((await patch(me.user.id, { active: false })).status).toBe(409);
      expect((await patch('00000000-0000-4000-8000-000000000000', { active: false })).status).toBe(404);
      expect((await patch('not-a-uuid', { active: false })).status).toBe(404);
    });
  });
});
