// Browser test of a school's work on a phone: the real console in-process (throwaway database) in front of a fake
// intake on node:http that verifies the console's tokens. A school user logs in on a 390 px wide screen, uploads a
// roster that is refused with a row-level report, uploads the fixed file, reports a case (a future onset date is
// refused next to its field first), gets the reference and finds the melding in the list.
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_AUTH_KEYS, TestHarness } from '@meldpunt/testing';
import { startConsole, TEST_PASSWORD, type ConsoleFixture, launchChromium } from './testing/console-fixture';
import { FAKE_MESSAGES, FakeIntake } from './testing/fake-intake';

const SCREENSHOT = '/tmp/console-melding-form.png';

const BAD_ROSTER = [
  'leerlingnummer;voornaam;familienaam;geboortedatum;klas;adres',
  '1001;Emma;Peeters;12/05/2018;3B;Regenboogstraat 1',
  '1002;Noah;Janssens;31/02/2017;4A;Regenboogstraat 2',
  '1003;Emiel;Maes;2018-09-30;3B;Regenboogstraat 3',
  "1004;Zoë;D'Hondt;2018-01-07;3B;Regenboogstraat 4",
].join('\n');
const GOOD_ROSTER = BAD_ROSTER.replace('31/02/2017', '28/02/2017');

/** YYYY-MM-DD in Brussels, `days` from today. */
function brusselsDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

describe('a school on a phone (Chromium, 390 px)', () => {
  let harness: TestHarness;
  let fake: FakeIntake;
  let demo: ReturnType<FakeIntake['seedDemo']>;
  let consoleApp: ConsoleFixture;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const noSidewaysScroll = async () =>
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    fake = await FakeIntake.start(TEST_AUTH_KEYS.publicKey);
    demo = fake.seedDemo();
    consoleApp = await startConsole(harness, { INTAKE_URL: fake.url });
    await consoleApp.createUser(
      'school@meldpunt.test',
      'school',
      { schoolIds: [demo.schoolId] },
      'Directie De Regenboog',
    );
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'nl-BE',
      timezoneId: 'Europe/Brussels',
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => {
      throw error;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await consoleApp?.close();
    await fake?.stop();
    await harness?.cleanup();
  });

  it('logs in and sees the school dashboard', async () => {
    await page.goto(consoleApp.baseUrl);
    await page.getByTestId('login-email').fill('school@meldpunt.test');
    await page.getByTestId('login-password').fill('niet juist');
    await page.getByTestId('login-submit').click();
    await page
      .getByTestId('login-error')
      .filter({ hasText: 'E-mailadres of wachtwoord is onjuist.' })
      .waitFor();

    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { level: 1, name: 'Overzicht — Basisschool De Regenboog' }).waitFor();
    await page.getByTestId('count-groups').getByText('3').waitFor();
    expect(await page.getByTestId('count-meldingen').textContent()).toBe('0');
    expect(await page.getByTestId('who').textContent()).toContain('Directie De Regenboog');
    await noSidewaysScroll();
  });

  it('uploads a roster, sees the rejected row, fixes the file and sees it applied', async () => {
    await page.getByTestId('nav').getByRole('link', { name: 'Leerlingenlijst' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Leerlingenlijst — Basisschool De Regenboog' })
      .waitFor();

    await page
      .getByTestId('roster-file')
      .setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_ROSTER) });
    await page.getByTestId('roster-submit').click();
    await page.locator('[data-testid="roster-status"][data-state="rejected"]').waitFor();
    expect(await page.getByTestId('roster-status').textContent()).toBe(
      'De leerlingenlijst is niet verwerkt: het bestand bevat 1 fout. Er is niets gewijzigd.',
    );
    const rows = page.getByTestId('roster-error-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      '3',
      'geboortedatum',
      FAKE_MESSAGES.date,
    ]);
    expect(await page.getByTestId('roster-counts').isHidden()).toBe(true);
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Regel', 'Veld', 'Reden']);
    await noSidewaysScroll();
    await page.screenshot({ path: '/tmp/console-roster-report.png', fullPage: true });

    await page
      .getByTestId('roster-file')
      .setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_ROSTER) });
    await page.getByTestId('roster-submit').click();
    await page.locator('[data-testid="roster-status"][data-state="applied"]').waitFor();
    expect(await page.getByTestId('roster-status').textContent()).toBe(
      'De leerlingenlijst is verwerkt: 4 leerlingen.',
    );
    expect(await page.getByTestId('roster-report').isHidden()).toBe(true);
    // Emma, Noah and Emiel were on the list already; Zoë is new.
    const counts = Object.fromEntries(
      await Promise.all(
        ['created', 'updated', 'unchanged', 'gone'].map(
          async (key) => [key, await page.getByTestId(`roster-count-${key}`).textContent()] as const,
        ),
      ),
    );
    expect(counts).toEqual({ created: '1', updated: '0', unchanged: '3', gone: '0' });
    expect(await page.getByTestId('roster-ignored').textContent()).toBe(
      'Deze kolommen zijn niet gebruikt en niet bewaard: adres.',
    );

    const upload = fake.requests.filter((request) => request.url.includes('/roster-imports/csv')).at(-1);
    expect(upload?.url).toMatch(
      new RegExp(`^/v1/schools/${demo.schoolId}/roster-imports/csv\\?schoolYear=\\d{4}-\\d{4}$`),
    );
    expect(upload?.headers['content-type']).toBe('text/csv');
    expect(upload?.body).toBe(GOOD_ROSTER);
  });

  it('reports a case: a future onset date is refused beside its field, then the melding is accepted', async () => {
    await page.getByTestId('nav').getByRole('link', { name: 'Melding doen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Melding doen — Basisschool De Regenboog' }).waitFor();
    await page.getByTestId('group-option').first().waitFor();

    await page.getByTestId('pupil-search').fill('Em');
    await page.getByTestId('pupil-search-status').getByText('2 leerlingen gevonden.').waitFor();
    expect(
      await page.getByTestId('pupil-option').filter({ hasText: 'Emma Peeters' }).textContent(),
    ).toContain('3B · leerlingnummer 1001');
    await page.getByTestId('pupil-option').filter({ hasText: 'Emma Peeters' }).click();
    expect(await page.getByTestId('pupil-chosen').textContent()).toContain('Emma Peeters — 3B');
    // The pupil's own class is ticked for the school.
    expect(await page.getByRole('checkbox', { name: '3B' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '4A' }).isChecked()).toBe(false);

    await page.getByLabel('Ziekte', { exact: true }).selectOption({ label: 'Mazelen' });
    await page.getByTestId('onset-date').fill(brusselsDay(1));
    await page.getByTestId('last-day-present').fill(brusselsDay(0));
    await page.getByRole('checkbox', { name: 'Schoolbus' }).check();
    await page.getByTestId('contact-phone').fill('09 123 45 67');
    await page.getByTestId('melding-submit').click();

    const onsetError = page.getByTestId('field-error-onsetDate');
    await onsetError.waitFor();
    expect(await onsetError.textContent()).toBe(FAKE_MESSAGES.onsetInFuture);
    expect(await page.getByTestId('onset-date').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('error-summary').textContent()).toContain(
      'Controleer de gemarkeerde velden',
    );
    await noSidewaysScroll();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.getByTestId('onset-date').fill(brusselsDay(-1));
    await page.getByTestId('melding-submit').click();
    await page.getByTestId('melding-reference').waitFor();
    const reference = fake.meldingen[0]?.reference;
    expect(reference).toMatch(/^M-\d{4}-000001$/);
    expect(await page.getByTestId('melding-reference').textContent()).toBe(reference);

    const sent = fake.requests.filter(
      (request) => request.method === 'POST' && request.url === '/v1/meldingen',
    );
    expect(sent).toHaveLength(2);
    // One form fill, one idempotency key: a retried submit would not create a second melding.
    expect(sent[0]?.headers['idempotency-key']).toBe(sent[1]?.headers['idempotency-key']);
    const emma = fake.pupils.get(demo.schoolId)?.find((pupil) => pupil.firstName === 'Emma');
    const klas3b = fake.groups.get(demo.schoolId)?.find((group) => group.name === '3B');
    expect(JSON.parse(sent[1]?.body ?? '{}')).toEqual({
      schoolId: demo.schoolId,
      subject: { kind: 'pupil', rosterId: emma?.id },
      disease: 'measles',
      onsetDate: brusselsDay(-1),
      lastDayPresent: brusselsDay(0),
      test: null,
      groupIds: [klas3b?.id],
      activities: ['bus'],
      contactPerson: { name: 'Directie De Regenboog', phone: '09 123 45 67', email: 'school@meldpunt.test' },
    });
  });

  it('finds the melding in the list with its Dutch status', async () => {
    await page.getByTestId('to-meldingen').click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen — Basisschool De Regenboog' }).waitFor();
    const row = page.getByTestId('melding-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('melding-row-reference').textContent()).toBe(fake.meldingen[0]?.reference);
    expect(await row.getByTestId('melding-status').textContent()).toBe('Ontvangen');
    expect(await row.getByRole('heading').textContent()).toBe('Mazelen');
    await noSidewaysScroll();
  });

  it('reports a staff member from the staff list and someone on neither list', async () => {
    await page.getByTestId('meldingen-new').click();
    await page.getByTestId('group-option').first().waitFor();
    await page.getByTestId('subject-kind-staff').check();
    expect(await page.getByTestId('pupil-search').isHidden()).toBe(true);
    await page.getByTestId('staff-search').fill('van ack');
    await page.getByTestId('staff-search-status').getByText('1 personeelslid gevonden.').waitFor();
    await page.getByTestId('staff-option').click();
    expect(await page.getByTestId('staff-chosen').textContent()).toContain('Griet Van Acker — 3B, 4A');
    expect(await page.getByRole('checkbox', { name: '4A' }).isChecked()).toBe(true);
    await page.getByLabel('Ziekte', { exact: true }).selectOption({ label: 'Kinkhoest' });
    await page.getByTestId('no-symptoms').check();
    await page.getByTestId('last-day-present').fill(brusselsDay(0));
    await page.getByTestId('contact-phone').fill('09 123 45 67');
    await page.getByTestId('melding-submit').click();
    // Without symptoms a test is needed: said beside the test fields before anything is sent.
    await page.getByTestId('field-error-testDate').waitFor();
    await page.getByTestId('test-date').fill(brusselsDay(-1));
    await page.getByTestId('test-result').selectOption('positive');
    await page.getByTestId('melding-submit').click();
    await page.getByTestId('melding-reference').waitFor();
    const griet = fake.staff.get(demo.schoolId)?.[0];
    const staffMelding = fake.requests
      .filter((request) => request.method === 'POST' && request.url === '/v1/meldingen')
      .at(-1);
    expect(JSON.parse(staffMelding?.body ?? '{}')).toMatchObject({
      subject: { kind: 'staff', rosterId: griet?.id },
      disease: 'pertussis',
      onsetDate: null,
      test: { date: brusselsDay(-1), result: 'positive' },
      groupIds: expect.arrayContaining(griet?.classes.map((klas) => klas.id) ?? []) as unknown,
    });

    await page.getByTestId('melding-new').click();
    await page.getByTestId('group-option').first().waitFor();
    await page.getByTestId('subject-kind-unlisted').check();
    await page.getByTestId('unlisted-first-name').fill('Jozef');
    await page.getByTestId('unlisted-last-name').fill('Buschauffeur');
    await page.getByTestId('unlisted-role').selectOption('other');
    await page.getByLabel('Ziekte', { exact: true }).selectOption({ label: 'Bof' });
    await page.getByTestId('onset-date').fill(brusselsDay(-2));
    await page.getByTestId('last-day-present').fill(brusselsDay(-1));
    await page.getByTestId('contact-phone').fill('09 123 45 67');
    await page.getByTestId('melding-submit').click();
    await page.getByTestId('melding-reference').waitFor();
    const unlisted = fake.requests
      .filter((request) => request.method === 'POST' && request.url === '/v1/meldingen')
      .at(-1);
    expect(JSON.parse(unlisted?.body ?? '{}')).toMatchObject({
      subject: {
        kind: 'unlisted',
        firstName: 'Jozef',
        lastName: 'Buschauffeur',
        birthDate: null,
        role: 'other',
      },
      disease: 'mumps',
      groupIds: [],
    });
    await page.getByTestId('to-meldingen').click();
    await page.getByTestId('meldingen-summary').getByText('3 meldingen, de nieuwste eerst.').waitFor();
    expect(await page.getByTestId('melding-row').first().textContent()).toContain('Niet op de lijsten');
    await noSidewaysScroll();
  });

  it('keeps the school out of the admin pages and their API', async () => {
    const api = await page.request.get(`${consoleApp.baseUrl}/api/admin/users`);
    expect(api.status()).toBe(403);
    expect(await page.getByTestId('nav').getByRole('link', { name: 'Gebruikers' }).count()).toBe(0);
    await page.goto(`${consoleApp.baseUrl}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await page.goto(`${consoleApp.baseUrl}/status`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
  });

  it('logs out', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await page.request.get(`${consoleApp.baseUrl}/auth/me`)).status()).toBe(401);
  });
});
