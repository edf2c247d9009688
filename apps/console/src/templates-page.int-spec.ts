// Browser test of the template editor (/sjablonen) in Chromium: the real console in-process in front of a fake
// communication template API (testing/fake-templates.ts) that verifies the console's tokens. An admin opens the
// page, picks Arabic, sees the right-to-left preview and the keys that fall back to Dutch, edits a text and sees
// the draft in the preview before saving, saves it, and is told when a colleague saved first.
import { type Browser, type Page } from 'playwright-core';
import { TEST_AUTH_KEYS, TestHarness } from '@meldpunt/testing';
import { startConsole, type ConsoleFixture, launchChromium, logInPage } from './testing/console-fixture';
import { FakeTemplates } from './testing/fake-templates';

describe('template editor (Chromium)', () => {
  let harness: TestHarness;
  let fake: FakeTemplates;
  let consoleApp: ConsoleFixture;
  let browser: Browser;
  let page: Page;
  const errors: Error[] = [];

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    fake = await FakeTemplates.start(TEST_AUTH_KEYS.publicKey);
    consoleApp = await startConsole(harness, { COMMUNICATION_URL: fake.url });
    await consoleApp.createUser('admin@meldpunt.test', 'admin', {}, 'Beheerder');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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

  const frame = () => page.frameLocator('[data-testid="template-preview-frame"]');

  it('an admin previews a template in Arabic: right to left, missing texts flagged as Dutch', async () => {
    await page.getByTestId('nav').getByRole('link', { name: 'Sjablonen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sjablonen van brieven' }).waitFor();
    await page
      .getByTestId('template-coverage-row')
      .filter({ hasText: 'Arabisch' })
      .filter({ hasText: '1 tekst ontbreekt → Nederlands' })
      .waitFor();
    await frame().locator('div[dir="ltr"][lang="nl"]').getByText('Beste Sofie Peeters,').waitFor();

    await page.getByTestId('template-language').selectOption({ label: 'Arabisch' });
    await frame().locator('div[dir="rtl"][lang="ar"]').getByText('عزيزي/عزيزتي Sofie Peeters،').waitFor();
    expect(await page.getByTestId('template-preview-frame').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('template-preview-frame').getAttribute('sandbox')).toBe('');
    // The iframe's document really is laid out right to left.
    const direction = await frame()
      .locator('div[lang="ar"]')
      .evaluate(
        (node) =>
          (globalThis as unknown as { getComputedStyle(n: unknown): { direction: string } }).getComputedStyle(
            node as unknown,
          ).direction,
      );
    expect(direction).toBe('rtl');
    await page.getByTestId('template-preview-fellback').waitFor();
    const closing = page.locator('[data-testid="template-key"][data-key="closing"]');
    await closing.getByText('Ontbreekt → Nederlands').waitFor();
    expect(await closing.getAttribute('data-source')).toBe('fallback-nl');
    expect(
      await page.locator('[data-testid="template-key"][data-key="greeting"]').getAttribute('data-source'),
    ).toBe('catalog');
  });

  it('edits a key and sees the draft in the preview before saving, then saves it', async () => {
    const greeting = page.locator('[data-testid="template-key"][data-key="greeting"]');
    await greeting.getByTestId('template-edit').click();
    await page.getByTestId('template-placeholders').getByText('{name}').waitFor();
    await page.getByTestId('template-text').fill('مرحبا {name}، هذا نص جديد');
    await frame().getByText('مرحبا Sofie Peeters، هذا نص جديد').waitFor();
    await page.getByTestId('template-preview-status').getByText('niet-opgeslagen').waitFor();
    expect(fake.overrides.size).toBe(0);
    expect(fake.previews.at(-1)).toEqual({
      language: 'ar',
      draft: { greeting: 'مرحبا {name}، هذا نص جديد' },
    });

    await page.getByTestId('template-save').click();
    await page.getByTestId('template-saved').getByText('versie 1').waitFor();
    expect(fake.overrides.get('ar/greeting')).toMatchObject({
      text: 'مرحبا {name}، هذا نص جديد',
      version: 1,
    });
    await greeting.getByText('Eigen tekst').waitFor();
  });

  it('shows a bad placeholder beside the field, and a colleague’s newer save as a conflict', async () => {
    await page.getByTestId('template-text').fill('مرحبا {naam}');
    await page.getByTestId('template-save').click();
    await page.getByTestId('field-error-text').getByText('Onbekende plaatshouder: {naam}.').waitFor();
    expect(fake.overrides.get('ar/greeting')?.version).toBe(1);

    fake.overrides.set('ar/greeting', {
      text: 'نص الزميل {name}',
      version: 2,
      updatedBy: 'colleague',
      updatedAt: new Date().toISOString(),
    });
    await page.getByTestId('template-text').fill('نص آخر {name}');
    await page.getByTestId('template-save').click();
    await page.getByTestId('template-conflict').getByText('Iemand anders heeft deze tekst').waitFor();
    await page.getByTestId('template-reload').click();
    await page.waitForFunction(
      `document.querySelector('[data-testid="template-text"]').value === ${JSON.stringify('نص الزميل {name}')}`,
    );
    await page.getByTestId('template-conflict').waitFor({ state: 'hidden' });
    await page
      .locator('[data-testid="template-key"][data-key="greeting"]')
      .getByText('نص الزميل {name}')
      .waitFor();
  });
});
