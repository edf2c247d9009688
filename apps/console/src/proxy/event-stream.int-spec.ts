// The live queue through the console: GET /api/risk-assessment/v1/cases/stream is passed on as server-sent events
// (headers at once, every event as it comes, nothing buffered), the service's connection is closed when the
// browser goes away, and the stream ends when the session does. Real console on a throwaway database, fake
// risk-assessment on node:http.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TEST_AUTH_KEYS, TestHarness, waitFor } from '@meldpunt/testing';
import { startConsole, logIn, type ConsoleFixture } from '../testing/console-fixture';
import { FAKE_RISK_MESSAGES, FakeRiskAssessment } from '../testing/fake-risk-assessment';
import { EventStreamRelay } from './event-stream';

const STREAM = '/api/risk-assessment/v1/cases/stream';

/** An open event stream as a browser reads it: everything received so far, and a way to hang up. */
interface OpenStream {
  readonly status: number;
  readonly headers: Headers;
  text(): string;
  /** Whether the console has ended the stream. */
  isEnded(): boolean;
  close(): void;
}

async function openStream(baseUrl: string, cookie: string): Promise<OpenStream> {
  const hangUp = new AbortController();
  const response = await fetch(`${baseUrl}${STREAM}`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: hangUp.signal,
  });
  let received = '';
  let ended = false;
  const decoder = new TextDecoder();
  const reader = response.body?.getReader();
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        received += decoder.decode(chunk.value as Uint8Array, { stream: true });
      }
    } catch {
      // aborted by close()
    }
    ended = true;
  })();
  return {
    status: response.status,
    headers: response.headers,
    text: () => received,
    isEnded: () => ended,
    close: () => hangUp.abort(),
  };
}

describe('live queue stream through the console', () => {
  let harness: TestHarness;
  let fake: FakeRiskAssessment;
  let consoleApp: ConsoleFixture;
  const clbId = randomUUID();
  const otherClbId = randomUUID();
  const schoolId = randomUUID();

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
    fake = await FakeRiskAssessment.start(TEST_AUTH_KEYS.publicKey);
    consoleApp = await startConsole(harness, { RISK_ASSESSMENT_URL: fake.url });
    consoleApp.app.get(EventStreamRelay).configure({ sessionRecheckMs: 100 });
    await consoleApp.createUser('arts@meldpunt.test', 'doctor', { clbIds: [clbId] }, 'Dr. Arts');
    await consoleApp.createUser('school@meldpunt.test', 'school', { schoolIds: [schoolId] });
  });

  afterAll(async () => {
    await consoleApp?.close();
    await fake?.stop();
    await harness?.cleanup();
  });

  it('refuses without a session, before calling the service', async () => {
    const before = fake.requests.length;
    const response = await fetch(`${consoleApp.baseUrl}${STREAM}`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(401);
    expect(fake.requests.length).toBe(before);
  });

  it("passes the service's refusal on as an ordinary JSON answer", async () => {
    const { cookie } = await logIn(consoleApp.baseUrl, 'school@meldpunt.test');
    const response = await fetch(`${consoleApp.baseUrl}${STREAM}`, {
      headers: { cookie, accept: 'text/event-stream' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ statusCode: 403, message: FAKE_RISK_MESSAGES.forbidden });
  });

  it('streams each event as it comes, only for the CLBs of the user, with a token for risk-assessment', async () => {
    const { cookie } = await logIn(consoleApp.baseUrl, 'arts@meldpunt.test');
    const stream = await openStream(consoleApp.baseUrl, cookie);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.headers.get('cache-control')).toBe('no-store, no-transform');
      expect(stream.headers.get('x-accel-buffering')).toBe('no');
      // The service keeps the stream open: "ready" must arrive anyway (nothing waits for the end).
      await waitFor(() => stream.text().includes('event: ready'), { timeoutMs: 5_000 });
      const call = fake.requests.filter((request) => request.url === '/v1/cases/stream').at(-1);
      expect(call?.principal).toMatchObject({ role: 'doctor', clbIds: [clbId] });

      fake.openCase({ clbId: otherClbId, schoolId, reference: 'M-2026-OTHER' });
      const opened = fake.openCase({ clbId, schoolId, reference: 'M-2026-000777' });
      await waitFor(() => stream.text().includes('M-2026-000777'), { timeoutMs: 5_000 });
      const event = /event: case-opened\nid: [^\n]+\ndata: (.+)\n\n/.exec(stream.text());
      expect(JSON.parse(event?.[1] ?? '{}')).toMatchObject({
        id: opened.id,
        reference: 'M-2026-000777',
        clbId,
      });
      expect(stream.text()).not.toContain('M-2026-OTHER');

      // A chunk that is not a whole event yet is passed on as it is, not held back.
      fake.pushRaw(': ping\n\nevent: ping\ndata: {"at":');
      await waitFor(() => stream.text().includes('data: {"at":'), { timeoutMs: 5_000 });
      fake.pushRaw('"2026-01-01T00:00:00.000Z"}\n\n');
      await waitFor(() => stream.text().endsWith('"2026-01-01T00:00:00.000Z"}\n\n'), { timeoutMs: 5_000 });
    } finally {
      stream.close();
    }
  });

  it('closes the connection to the service when the browser goes away', async () => {
    const { cookie } = await logIn(consoleApp.baseUrl, 'arts@meldpunt.test');
    const closedBefore = fake.streamsClosed;
    const stream = await openStream(consoleApp.baseUrl, cookie);
    await waitFor(() => stream.text().includes('event: ready'), { timeoutMs: 5_000 });
    expect(fake.streams.size).toBeGreaterThanOrEqual(1);
    stream.close();
    await waitFor(() => fake.streamsClosed > closedBefore && fake.streams.size === 0, { timeoutMs: 5_000 });
  });

  it('ends the stream (and the service connection) when the session ends', async () => {
    const session = await logIn(consoleApp.baseUrl, 'arts@meldpunt.test');
    const stream = await openStream(consoleApp.baseUrl, session.cookie);
    await waitFor(() => stream.text().includes('event: ready'), { timeoutMs: 5_000 });
    const logout = await fetch(`${consoleApp.baseUrl}/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(logout.status).toBe(204);
    await waitFor(() => stream.isEnded(), { timeoutMs: 5_000 });
    await waitFor(() => fake.streams.size === 0, { timeoutMs: 5_000 });
    // Reconnecting (as EventSource does) is refused now.
    const again = await fetch(`${consoleApp.baseUrl}${STREAM}`, {
      headers: { cookie: session.cookie, accept: 'text/event-stream' },
    });
    expect(again.status).toBe(401);
  });

  it('ends when the service ends the stream, and an open stream is not user activity', async () => {
    const session = await logIn(consoleApp.baseUrl, 'arts@meldpunt.test');
    const earlier = new Date(Date.now() - 5 * 60_000);
    await query('UPDATE session SET last_seen_at = $1 WHERE csrf_token = $2', [earlier, session.csrfToken]);
    const stream = await openStream(consoleApp.baseUrl, session.cookie);
    await waitFor(() => stream.text().includes('event: ready'), { timeoutMs: 5_000 });
    const [row] = await query<{ last_seen_at: Date }>(
      'SELECT last_seen_at FROM session WHERE csrf_token = $1',
      [session.csrfToken],
    );
    expect(row?.last_seen_at.getTime()).toBe(earlier.getTime());
    fake.endStreams();
    await waitFor(() => stream.isEnded(), { timeoutMs: 5_000 });
    expect(stream.text()).toContain('event: ready');
  });
});
