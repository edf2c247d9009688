// The parents' letter link on the console's one origin (`/b/<token>`, `/brief/<token>`): a fake communication on
// node:http answers GET /v1/public/letters/:token; the console serves the letter's HTML with no-store,
// no-referrer and noindex, the same Dutch 404 page for an unknown or malformed token, and 429 past 30 a minute.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { TestHarness } from '@meldpunt/testing';
import { startConsole, type ConsoleFixture } from '../testing/console-fixture';
import { LETTER_LINK_MAX_PER_WINDOW } from './letter-link-throttle';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const LETTER = '<!doctype html><html lang="ar" dir="rtl"><body><p>رسالة إلى الوالدين</p></body></html>';

describe('public letter links (console, fake communication)', () => {
  let harness: TestHarness;
  let communication: Server;
  let consoleApp: ConsoleFixture;
  const seen: IncomingMessage[] = [];

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    communication = createServer((request, response) => {
      seen.push(request);
      if (request.url === `/v1/public/letters/${TOKEN}`) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ language: 'ar', direction: 'rtl', subject: 'رسالة', html: LETTER }));
        return;
      }
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ statusCode: 404, message: 'niet gevonden' }));
    });
    await new Promise<void>((resolve) => communication.listen(0, '127.0.0.1', resolve));
    const address = communication.address();
    if (typeof address !== 'object' || address === null) throw new Error('not listening');
    consoleApp = await startConsole(harness, { COMMUNICATION_URL: `http://127.0.0.1:${address.port}` });
  });

  afterAll(async () => {
    await consoleApp?.close();
    await new Promise<void>((resolve) => communication?.close(() => resolve()));
    await harness?.cleanup();
  });

  it("serves the letter without a session, uncached, unindexed, without referrer, and asks communication without the browser's cookies", async () => {
    for (const path of [`/b/${TOKEN}`, `/brief/${TOKEN}`]) {
      const response = await fetch(`${consoleApp.baseUrl}${path}`, {
        headers: { cookie: 'meldpunt_session=x' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-robots-tag')).toMatch(/noindex/);
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(await response.text()).toBe(LETTER);
    }
    expect(seen.at(-1)?.headers.cookie).toBeUndefined();
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('gives an unknown and a malformed token the same Dutch 404 page, asking communication only for well-formed ones', async () => {
    const before = seen.length;
    const unknown = await fetch(`${consoleApp.baseUrl}/b/ZZZZZZZZZZZZZZZZZZZZZZ`);
    expect(unknown.status).toBe(404);
    const page = await unknown.text();
    expect(page).toMatch(/Brief niet gevonden/);
    expect(page).toMatch(/lang="nl"/);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    const malformed = await fetch(`${consoleApp.baseUrl}/b/kort`);
    expect(malformed.status).toBe(404);
    expect(await malformed.text()).toBe(page);
    expect(seen.length).toBe(before + 1);
  });

  it('limits letter links per IP', async () => {
    let last = 0;
    for (let index = 0; index <= LETTER_LINK_MAX_PER_WINDOW; index += 1)
      last = (await fetch(`${consoleApp.baseUrl}/b/${TOKEN}`)).status;
    expect(last).toBe(429);
  });
});
