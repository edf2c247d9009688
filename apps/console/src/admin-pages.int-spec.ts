// Browser test of the admin pages against the fake intake: CLBs, schools, users and school credentials.
import { type Browser, type Page } from 'playwright-core';
import { TEST_AUTH_KEYS, TestHarness } from '@meldpunt/testing';
import { startConsole, type ConsoleFixture, launchChromium, logInPage } from './testing/console-fixture';
import { FakeIntake } from './testing/fake-intake';

describe('admin pages (Chromium)', () => {
  let harness: TestHarness;
  let fake: FakeIntake;
  let consoleApp: ConsoleFixture;
  let browser: Browser;
  let page: Page;
  const errors: Error[] = [];

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    fake = await FakeIntake.start(TEST_AUTH_KEYS.publicKey);
    fake.seedDemo();
    consoleApp = await startConsole(harness, { INTAKE_URL: fake.url });
    await consoleApp.createUser('admin@meldpunt.test', 'admin', {}, 'Beheerder');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(error));
    await logInPage(page, consoleApp.baseUrl, 'admin@meldpunt.test', { heading: 'Beheer' });
  });

  afterAll(async () => {
    await browser?.close();
    await consoleApp?.close();
    await fake?.stop();
    await harness?.cleanup();
  });

  afterEach(() => expect(errors).toEqual([]));

  it('adds a CLB', async () => {
    await page.getByTestId('nav').getByRole('link', { name: "CLB's" }).click();
    await page.getByTestId('clb-name').fill('CLB Waasland');
    await page.getByTestId('clb-submit').click();
    await page.getByTestId('clb-created').waitFor();
    await page.getByTestId('clb-row').filter({ hasText: 'CLB Waasland' }).waitFor();
    expect(fake.clbs.map((clb) => clb.name)).toContain('CLB Waasland');
  });

  it('adds a school with its address, levels and internaat flag', async () => {
    await page.getByTestId('nav').getByRole('link', { name: 'Scholen' }).click();
    await page.getByTestId('school-clb').selectOption({ label: 'CLB Waasland' });
    await page.getByTestId('school-number').fill('123456');
    await page.getByTestId('school-name').fill('Internaat De Linde');
    await page.getByTestId('school-street').fill('Kerkstraat 1');
    await page.getByTestId('school-postal-code').fill('9100');
    await page.getByTestId('school-city').fill('Sint-Niklaas');
    await page.getByTestId('school-level-secundair').check();
    await page.getByTestId('school-internaat').check();
    await page.getByTestId('school-submit').click();
    await page.getByTestId('school-row').filter({ hasText: 'Internaat De Linde' }).waitFor();
    const clbId = fake.clbs.find((clb) => clb.name === 'CLB Waasland')?.id;
    expect(fake.schools.find((school) => school.name === 'Internaat De Linde')).toMatchObject({
      clbId,
      instellingsnummer: '123456',
      address: { street: 'Kerkstraat 1', postalCode: '9100', city: 'Sint-Niklaas' },
      levels: ['secundair'],
      isInternaat: true,
    });
  });

  it('creates a school user, explains a short password first, and deactivates the account', async () => {
    await page.getByTestId('nav').getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByTestId('user-email').fill('directie@linde.be');
    await page.getByTestId('user-name').fill('Directie De Linde');
    await page.getByTestId('user-role').selectOption('school');
    await page.getByRole('checkbox', { name: 'Internaat De Linde' }).check();
    await page.getByTestId('user-password').fill('te kort');
    await page.getByTestId('user-submit').click();
    await page
      .getByTestId('field-error-password')
      .filter({ hasText: 'Het wachtwoord moet minstens 12 tekens lang zijn.' })
      .waitFor();

    await page.getByTestId('user-password').fill('een lang genoeg wachtwoord');
    await page.getByTestId('user-submit').click();
    const row = page.locator('[data-testid="user-row"][data-email="directie@linde.be"]');
    await row.filter({ hasText: 'Internaat De Linde' }).waitFor();
    await row.getByTestId('user-toggle-active').click();
    await row.filter({ hasText: 'Gedeactiveerd' }).waitFor();
  });

  it('issues school credentials once, with a clear warning', async () => {
    await page.getByTestId('nav').getByRole('link', { name: 'Schoolsleutels' }).click();
    await page.getByTestId('credentials-school').selectOption({ label: 'Internaat De Linde (123456)' });
    await page.getByTestId('credentials-submit').click();
    await page.getByTestId('field-error-understood').waitFor();
    await page.getByTestId('credentials-understood').check();
    await page.getByTestId('credentials-submit').click();
    await page.getByTestId('credentials-api-key').waitFor();
    expect(await page.getByTestId('credentials-result').getByRole('alert').textContent()).toContain(
      'maar één keer getoond',
    );
    expect(await page.getByTestId('credentials-key-id').textContent()).toMatch(/^key_/);
    const issued = fake.requests.filter((request) => request.url.endsWith('/credentials')).at(-1);
    expect(JSON.parse(issued?.body ?? '{}')).toEqual({ gracePeriodMinutes: 0 });
  });
});
