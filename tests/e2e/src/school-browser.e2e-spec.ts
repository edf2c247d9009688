import { type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, launchChromium, RealStack } from './support/real-stack';

/**
 * A school's work in a real browser on a phone, against the real stack (`npm start` on its own ports, databases
 * and Redis database): the school user logs in, finds the roster the demo seed imported, uploads a CSV with one
 * bad row and sees the row-level report with nothing applied, uploads the fixed file and sees it applied, reports
 * a melding about a pupil of that roster, finds it in the list with its status; a user of another school sees
 * nothing of it, in the browser or at the API.
 */
const SCHOOL = 'Basisschool De Regenboog';
const OTHER_SCHOOL = 'Sint-Lievenscollege Demo';
const OTHER_USER = 'directie@sint-lieven.test';
const OTHER_PASSWORD = 'een lang e2e-wachtwoord voor Sint-Lieven';

/** What intake says about a bad date (apps/intake/src/rosters/rosters.messages.ts). */
const BAD_DATE = 'Ongeldige datum: gebruik dd/mm/jjjj of jjjj-mm-dd.';

/** A school administration export: UTF-8 with BOM, `;`, Dutch headers, Flemish names, an unused column. */
const HEADER =
  'Leerlingnummer;Voornaam;Familienaam;Geboortedatum;Klas;Adres;Ouder1 Naam;Ouder1 Taal;Ouder1 E-mail;Ouder1 GSM;Ouder2 Naam;Ouder2 Taal;Ouder2 GSM';
const ROWS = [
  "E2E-001;Zoë;D'Hondt;12/03/2018;3B;Regenboogstraat 1;Élise Peeters;nl;elise.peeters@example.be;0470 00 90 01;Jürgen D'Hondt;nl;0470 00 90 02",
  'E2E-002;Anaïs;Lefèvre;31/02/2018;3B;Regenboogstraat 2;Céline Lefèvre;fr;celine.lefevre@example.be;0470 00 90 03;;;',
  'E2E-003;Mykola;Kovalenko;2017-06-01;4A;Regenboogstraat 3;Olena Kovalenko;uk;;+32 470 00 90 04;;;',
  'E2E-004;Yasmina;El Amrani;05/11/2017;4A;Regenboogstraat 4;Fatima El Amrani;ar;fatima.elamrani@example.be;0470/00.90.05;Youssef El Amrani;nl;0470 00 90 06',
];
const csv = (rows: readonly string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
const BAD_FILE = csv(ROWS);
const GOOD_FILE = csv(ROWS.map((row) => row.replace('31/02/2018', '28/02/2018')));

/** YYYY-MM-DD in Brussels, `days` from today. */
function brusselsDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

let stack: RealStack;
let browser: Browser;

beforeAll(async () => {
  stack = await RealStack.start({
    basePort: 3300,
    sinkBasePort: 1325,
    databasePrefix: 'meldpunt_e2b_',
    kafkaGroupPrefix: 'e2b.',
    redisDatabase: 11,
    inheritedEnv: process.env,
  });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 120_000);

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => {
    throw error;
  });
  return { context, page };
}

async function logIn(page: Page, email: string, password: string, school: string): Promise<void> {
  await page.goto(stack.consoleUrl);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByRole('heading', { level: 1, name: `Overzicht — ${school}` }).waitFor();
}

/** GET on the console's API with the page's session; status and JSON body. */
async function apiGet<T>(request: APIRequestContext, path: string): Promise<{ status: number; body: T }> {
  const response = await request.get(`${stack.consoleUrl}${path}`);
  return { status: response.status(), body: (await response.json()) as T };
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(
    await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
  ).toBeLessThanOrEqual(0);
}

describe('a school on a phone, on the real stack', () => {
  let context: BrowserContext;
  let page: Page;
  let schoolId: string;
  let reference: string;
  let meldingId: string;
  let importIds: string[] = [];

  beforeAll(async () => {
    ({ context, page } = await phone());
  });

  afterAll(async () => {
    await context?.close();
  });

  it('logs in and finds the demo roster the seed imported', async () => {
    await logIn(page, 'school@meldpunt.test', DEMO_PASSWORD, SCHOOL);
    const me = await apiGet<{ user: { schoolIds: string[] } }>(page.request, '/auth/me');
    schoolId = me.body.user.schoolIds[0] ?? '';
    // The demo seed's classes (K3, 1A, 3B, 5A) and groups (Koor, Zwemgroep dinsdag).
    await page.locator('dl.counts:not([aria-busy])').waitFor();
    expect(await page.getByTestId('count-groups').textContent()).toBe('6');

    await page.getByTestId('nav').getByRole('link', { name: 'Leerlingenlijst' }).click();
    await page.getByRole('heading', { level: 1, name: `Leerlingenlijst — ${SCHOOL}` }).waitFor();
    await page.locator('[data-testid="roster-status"][data-state="applied"]').waitFor();
    expect(await page.getByTestId('roster-status').textContent()).toBe(
      'De leerlingenlijst is verwerkt: 80 leerlingen.',
    );
    expect(await page.getByTestId('roster-count-created').textContent()).toBe('80');
  });

  it('uploads a roster with one bad row: sees line, field and reason, and nothing is applied', async () => {
    await page
      .getByTestId('roster-file')
      .setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: BAD_FILE });
    await page.getByTestId('roster-submit').click();
    await page.locator('[data-testid="roster-status"][data-state="rejected"]').waitFor();
    expect(await page.getByTestId('roster-status').textContent()).toBe(
      'De leerlingenlijst is niet verwerkt: het bestand bevat 1 fout. Er is niets gewijzigd.',
    );
    const rows = page.getByTestId('roster-error-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').allTextContents()).toEqual(['3', 'Geboortedatum', BAD_DATE]);
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Regel', 'Veld', 'Reden']);
    expect(await page.getByTestId('roster-counts').isHidden()).toBe(true);
    await noSidewaysScroll(page);

    // Nothing applied: none of the file's pupils (numbers E2E-…), and the seeded roster still whole.
    const imports = await apiGet<{ items: { importId: string; status: string }[] }>(
      page.request,
      `/api/intake/v1/schools/${schoolId}/roster-imports`,
    );
    expect(imports.body.items.map((item) => item.status)).toEqual(['rejected', 'applied']);
    importIds = imports.body.items.map((item) => item.importId);
    const fromFile = await apiGet<{ items: unknown[] }>(
      page.request,
      `/api/intake/v1/schools/${schoolId}/pupils?search=E2E&status=all`,
    );
    expect(fromFile.body.items).toEqual([]);
    const active = await apiGet<{ items: unknown[] }>(
      page.request,
      `/api/intake/v1/schools/${schoolId}/pupils?limit=200`,
    );
    expect(active.body.items).toHaveLength(80);
  });

  it('uploads the fixed file and sees it applied: the four pupils in, the demo pupils gone', async () => {
    await page
      .getByTestId('roster-file')
      .setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: GOOD_FILE });
    await page.getByTestId('roster-submit').click();
    await page.locator('[data-testid="roster-status"][data-state="applied"]').waitFor();
    expect(await page.getByTestId('roster-status').textContent()).toBe(
      'De leerlingenlijst is verwerkt: 4 leerlingen.',
    );
    expect(await page.getByTestId('roster-report').isHidden()).toBe(true);
    const counts: Record<string, string | null> = {};
    for (const key of ['created', 'updated', 'unchanged', 'gone'])
      counts[key] = await page.getByTestId(`roster-count-${key}`).textContent();
    expect(counts).toEqual({ created: '4', updated: '0', unchanged: '0', gone: '80' });
    expect(await page.getByTestId('roster-ignored').textContent()).toBe(
      'Deze kolommen zijn niet gebruikt en niet bewaard: Adres.',
    );
    const active = await apiGet<{ items: { name: string }[] }>(
      page.request,
      `/api/intake/v1/schools/${schoolId}/pupils?limit=200`,
    );
    await page.screenshot({ path: '/tmp/e2e-roster-applied.png', fullPage: true });
    expect(active.body.items.map((pupil) => pupil.name).sort()).toEqual([
      'Anaïs Lefèvre',
      'Mykola Kovalenko',
      'Yasmina El Amrani',
      "Zoë D'Hondt",
    ]);
    await noSidewaysScroll(page);
  });

  it('reports a melding about a pupil of the roster and gets a reference', async () => {
    await page.getByTestId('nav').getByRole('link', { name: 'Melding doen' }).click();
    await page.getByRole('heading', { level: 1, name: `Melding doen — ${SCHOOL}` }).waitFor();
    await page.getByTestId('group-option').first().waitFor();

    // The search ignores accents: "zoe" finds Zoë.
    await page.getByTestId('pupil-search').fill('zoe');
    await page.getByTestId('pupil-search-status').getByText('1 leerling gevonden.').waitFor();
    await page.getByTestId('pupil-option').filter({ hasText: "Zoë D'Hondt" }).click();
    expect(await page.getByTestId('pupil-chosen').textContent()).toContain("Zoë D'Hondt — 3B");
    expect(await page.getByRole('checkbox', { name: '3B', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '4A', exact: true }).isChecked()).toBe(false);

    await page.getByLabel('Ziekte', { exact: true }).selectOption({ label: 'Mazelen' });
    await page.getByTestId('onset-date').fill(brusselsDay(-2));
    await page.getByTestId('last-day-present').fill(brusselsDay(-1));
    await page.getByTestId('test-date').fill(brusselsDay(-1));
    await page.getByTestId('test-result').selectOption('positive');
    await page.getByTestId('activity-excursion').check();
    await page.getByTestId('contact-phone').fill('09 123 45 67');
    await page.getByTestId('remarks').fill('Klas 3B was dinsdag op uitstap naar het Gravensteen.');
    await page.getByTestId('melding-submit').click();

    await page.getByTestId('melding-reference').waitFor();
    reference = (await page.getByTestId('melding-reference').textContent()) ?? '';
    expect(reference).toMatch(/^M-\d{4}-\d{6}$/);
    expect(await page.getByTestId('melding-merged').count()).toBe(0);
    await noSidewaysScroll(page);
  });

  it('finds the melding in the list with its status, which follows the CLB', async () => {
    await page.getByTestId('to-meldingen').click();
    await page.getByRole('heading', { level: 1, name: `Meldingen — ${SCHOOL}` }).waitFor();
    const row = page.locator(`[data-testid="melding-row"][data-reference="${reference}"]`);
    await row.waitFor();
    // Received by intake, or already in a CLB's risk queue (risk-assessment answers within moments).
    expect(['Ontvangen', 'In beoordeling']).toContain(await row.getByTestId('melding-status').textContent());
    expect(await row.getByRole('heading').textContent()).toBe('Mazelen');
    expect(await row.textContent()).toContain('Leerling');
    await noSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/e2e-meldingen.png', fullPage: true });

    const list = await apiGet<{ items: { reference: string; meldingId: string; status: string }[] }>(
      page.request,
      `/api/intake/v1/meldingen?schoolId=${schoolId}`,
    );
    const melding = list.body.items.find((item) => item.reference === reference);
    expect(['received', 'being-assessed']).toContain(melding?.status);
    meldingId = melding?.meldingId ?? '';
    expect((await apiGet(page.request, `/api/intake/v1/meldingen/${meldingId}`)).status).toBe(200);

    // The school sees the CLB take it up: risk.melding.progressed.v1 → intake → the list after a reload.
    const deadline = Date.now() + 30_000;
    let shown = await row.getByTestId('melding-status').textContent();
    while (shown !== 'In beoordeling' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.reload();
      await row.waitFor();
      shown = await row.getByTestId('melding-status').textContent();
    }
    expect(shown).toBe('In beoordeling');
  });

  describe("another school's user", () => {
    let other: { context: BrowserContext; page: Page };

    beforeAll(async () => {
      // The demo admin creates the other school's user through the console's admin API (with CSRF).
      const admin = await browser.newContext();
      try {
        const login = await admin.request.post(`${stack.consoleUrl}/auth/login`, {
          data: { email: 'admin@meldpunt.test', password: DEMO_PASSWORD },
        });
        expect(login.status()).toBe(200);
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const schools = await apiGet<{ items: { id: string; name: string }[] }>(
          admin.request,
          '/api/intake/v1/schools',
        );
        const otherSchoolId = schools.body.items.find((school) => school.name === OTHER_SCHOOL)?.id;
        expect(otherSchoolId).toBeDefined();
        const created = await admin.request.post(`${stack.consoleUrl}/api/admin/users`, {
          headers: { 'x-csrf-token': csrfToken, origin: stack.consoleUrl },
          data: {
            email: OTHER_USER,
            displayName: 'Directie Sint-Lieven',
            role: 'school',
            schoolIds: [otherSchoolId],
            password: OTHER_PASSWORD,
          },
        });
        expect(created.status()).toBe(201);
      } finally {
        await admin.close();
      }
      other = await phone();
      await logIn(other.page, OTHER_USER, OTHER_PASSWORD, OTHER_SCHOOL);
    });

    afterAll(async () => {
      await other?.context.close();
    });

    it('does not see the melding in the browser list', async () => {
      await other.page.getByTestId('nav').getByRole('link', { name: 'Meldingen' }).click();
      await other.page.getByRole('heading', { level: 1, name: `Meldingen — ${OTHER_SCHOOL}` }).waitFor();
      await other.page
        .getByTestId('meldingen-summary')
        .getByText('Uw school heeft nog geen meldingen gedaan.')
        .waitFor();
      expect(await other.page.getByTestId('melding-row').count()).toBe(0);
      expect(await other.page.locator('main').textContent()).not.toContain(reference);
    });

    it('gets 404 or nothing at the API for the melding, the school, its roster and its imports', async () => {
      const request = other.page.request;
      expect((await apiGet(request, `/api/intake/v1/meldingen/${meldingId}`)).status).toBe(404);
      for (const path of [`/api/intake/v1/meldingen?schoolId=${schoolId}`, '/api/intake/v1/meldingen']) {
        const list = await apiGet<{ items: { reference: string }[] }>(request, path);
        expect(list.status).toBe(200);
        expect(list.body.items.map((item) => item.reference)).not.toContain(reference);
      }
      for (const path of [
        `/api/intake/v1/schools/${schoolId}`,
        `/api/intake/v1/schools/${schoolId}/pupils?search=zoe`,
        `/api/intake/v1/schools/${schoolId}/groups`,
        `/api/intake/v1/schools/${schoolId}/roster-imports`,
        ...importIds.map((importId) => `/api/intake/v1/roster-imports/${importId}`),
      ]) {
        expect({ path, status: (await apiGet(request, path)).status }).toEqual({ path, status: 404 });
      }
      expect(importIds).toHaveLength(2);
    });
  });
});
