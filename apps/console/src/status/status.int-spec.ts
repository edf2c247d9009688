// Browser test of the status page: the real console app in-process (on a throwaway database), four fake services
// on node:http (three healthy, one answering 503), and Debian's Chromium driven by playwright-core (never a
// downloaded browser). An admin logs in on /status and lands on the page.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { TestHarness } from '@meldpunt/testing';
import {
  logIn,
  startConsole,
  TEST_PASSWORD,
  type ConsoleFixture,
  launchChromium,
} from '../testing/console-fixture';

const SCREENSHOT = '/tmp/console-status.png';
const SCREENSHOT_MOBILE = '/tmp/console-status-mobile.png';

const SERVICES = {
  intake: 'Melding-intake',
  'risk-assessment': 'Risico-inschatting',
  communication: 'Communicatie',
  scheduling: 'Planning/permanentie',
} as const;
type ServiceId = keyof typeof SERVICES;
const FAILING: ServiceId = 'scheduling';

/** A stand-in service whose GET /health answers like terminus. */
async function fakeService(healthy: boolean): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url !== '/health') {
      response.writeHead(404).end();
      return;
    }
    const details = healthy
      ? { database: { status: 'up' } }
      : {
          database: { status: 'up' },
          redis: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:6379' },
        };
    const body = healthy
      ? { status: 'ok', info: details, error: {}, details }
      : { status: 'error', info: { database: details.database }, error: { redis: details.redis }, details };
    response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('console status page (Chromium)', () => {
  const services = new Map<ServiceId, { server: Server; url: string }>();
  let harness: TestHarness;
  let consoleApp: ConsoleFixture;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    for (const id of Object.keys(SERVICES) as ServiceId[])
      services.set(id, await fakeService(id !== FAILING));
    const url = (id: ServiceId) => services.get(id)?.url ?? '';
    harness = await TestHarness.start({ kafka: false, redis: false });
    consoleApp = await startConsole(harness, {
      INTAKE_URL: url('intake'),
      RISK_ASSESSMENT_URL: url('risk-assessment'),
      COMMUNICATION_URL: url('communication'),
      SCHEDULING_URL: url('scheduling'),
      MAIL_UI_URL: 'http://127.0.0.1:1080',
      SMS_SINK_URL: 'http://127.0.0.1:1090',
    });
    baseUrl = consoleApp.baseUrl;
    await consoleApp.createUser('admin@meldpunt.test', 'admin', {}, 'Beheerder');
    await consoleApp.createUser('school@meldpunt.test', 'school', {
      schoolIds: ['33333333-3333-4333-8333-333333333333'],
    });
    browser = await launchChromium();
    // A browser far from Brussels proves the page formats times in Europe/Brussels itself.
    page = await browser.newPage({
      viewport: { width: 1024, height: 800 },
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
  });

  afterAll(async () => {
    await browser?.close();
    await consoleApp?.close();
    await Promise.all([...services.values()].map(({ server }) => new Promise((done) => server.close(done))));
    await harness?.cleanup();
  });

  it('serves its own health and the OpenAPI docs, independent of the other services', async () => {
    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const docs = await fetch(`${baseUrl}/docs-json`);
    expect(docs.status).toBe(200);
    const openApi = (await docs.json()) as { info: { title: string }; paths: Record<string, unknown> };
    expect(openApi.info.title).toBe('Meldpunt console');
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/api/status', '/health']));
  });

  it('returns every service from GET /api/status to a logged-in user only', async () => {
    expect((await fetch(`${baseUrl}/api/status`)).status).toBe(401);
    const { cookie } = await logIn(baseUrl, 'school@meldpunt.test');
    const response = await fetch(`${baseUrl}/api/status`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as {
      status: string;
      services: { service: string; status: string }[];
    };
    expect(body.status).toBe('down');
    expect(body.services.map(({ service, status }) => [service, status])).toEqual([
      ['intake', 'up'],
      ['risk-assessment', 'up'],
      ['communication', 'up'],
      ['scheduling', 'down'],
    ]);
  });

  it('asks for a login on /status, then shows the status page to an admin', async () => {
    await page.goto(`${baseUrl}/status`);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await page.getByLabel('E-mailadres').fill('admin@meldpunt.test');
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByTestId('overall-status').waitFor();
    expect(new URL(page.url()).pathname).toBe('/status');
    expect(
      await page.getByTestId('nav').getByRole('link', { name: 'Status' }).getAttribute('aria-current'),
    ).toBe('page');
  });

  it('shows every service in Dutch, with text (not only colour) for its health', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.title()).toBe('Status — Meldpunt');
    await page.getByRole('heading', { level: 1, name: 'Meldpunt — status van het platform' }).waitFor();

    for (const [id, label] of Object.entries(SERVICES) as [ServiceId, string][]) {
      const row = page.getByTestId(`service-row-${id}`);
      await row.getByRole('heading', { name: label }).waitFor();
      const expected = id === FAILING ? 'Niet bereikbaar' : 'Gezond';
      await expect(row.getByTestId('service-status').textContent()).resolves.toContain(expected);
      expect(await row.getByTestId('service-latency').textContent()).toMatch(/^\d+ ms$/);
      expect(
        await row.getByRole('link', { name: `API-documentatie van ${label}` }).getAttribute('href'),
      ).toBe(`${services.get(id)?.url}/docs`);
    }
    // The failing row explains itself, and the whole list is reachable as a list of four items.
    expect(
      await page.getByTestId(`service-row-${FAILING}`).getByTestId('service-failure').textContent(),
    ).toBe('De dienst meldt een probleem met: redis (HTTP\u00a0503).');
    await expect(page.getByRole('list', { name: 'Diensten' }).getByRole('listitem').count()).resolves.toBe(4);
    expect(await page.getByRole('status').textContent()).toBe('1 van de 4 diensten is niet bereikbaar.');

    expect(await page.getByRole('link', { name: 'Verzonden e-mails' }).getAttribute('href')).toBe(
      'http://127.0.0.1:1080',
    );
    expect(await page.getByRole('link', { name: 'Verzonden sms-berichten' }).getAttribute('href')).toBe(
      'http://127.0.0.1:1090',
    );
  });

  it('shows the last check in Europe/Brussels time, nl-BE format', async () => {
    const time = page.getByTestId('service-row-intake').getByTestId('service-checked-at');
    const iso = await time.getAttribute('datetime');
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const expected = new Intl.DateTimeFormat('nl-BE', {
      timeZone: 'Europe/Brussels',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(new Date(iso ?? ''));
    expect(await time.textContent()).toBe(expected);
  });

  it('refreshes by itself every 5 s', async () => {
    const statusRequest = page.waitForRequest((request) => request.url() === `${baseUrl}/api/status`, {
      timeout: 7_000,
    });
    await expect(statusRequest).resolves.toBeDefined();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('fits a 360 px wide phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId(`service-row-${FAILING}`).waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: SCREENSHOT_MOBILE, fullPage: true });
  });
});
