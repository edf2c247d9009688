// Browser test of the CLB's risk pages (Chromium): the real console in-process (throwaway database) in front of a
// fake risk-assessment on node:http that verifies the console's tokens and streams the live queue. A doctor sees
// the queue in the API's order with live waiting times, a new case appears without a reload, claims it, opens a
// case, is stopped for a missing reason, reclassifies selected contacts, approves and sees letter statuses arrive;
// CLB staff prepare but cannot approve; a coordinator reads; an admin edits a protocol version.
import { randomUUID } from 'node:crypto';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_AUTH_KEYS, TestHarness, waitFor } from '@meldpunt/testing';
import {
  startConsole,
  TEST_PASSWORD,
  type ConsoleFixture,
  launchChromium,
  logInPage,
} from './testing/console-fixture';
import { FAKE_RISK_MESSAGES, FakeRiskAssessment, type FakeCase } from './testing/fake-risk-assessment';

describe('risk queue, case and protocol pages (Chromium)', () => {
  let harness: TestHarness;
  let fake: FakeRiskAssessment;
  let consoleApp: ConsoleFixture;
  let browser: Browser;
  const clbId = randomUUID();
  const otherClbId = randomUUID();
  const schoolId = randomUUID();
  let doctorId: string;
  let routine: FakeCase;
  let urgent: FakeCase;
  const errors: Error[] = [];

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    fake = await FakeRiskAssessment.start(TEST_AUTH_KEYS.publicKey);
    consoleApp = await startConsole(harness, { RISK_ASSESSMENT_URL: fake.url });
    doctorId = (
      await consoleApp.createUser('arts@meldpunt.test', 'doctor', { clbIds: [clbId] }, 'Dr. An Arts')
    ).id;
    await consoleApp.createUser(
      'medewerker@meldpunt.test',
      'clb-staff',
      { clbIds: [clbId] },
      'Bart Medewerker',
    );
    await consoleApp.createUser(
      'coordinator@meldpunt.test',
      'coordinator',
      { clbIds: [clbId] },
      'Carla Coörd',
    );
    await consoleApp.createUser('ander@meldpunt.test', 'doctor', { clbIds: [otherClbId] }, 'Dr. Ander CLB');
    await consoleApp.createUser('admin@meldpunt.test', 'admin', {}, 'Beheerder');
    routine = fake.seedCase({
      clbId,
      schoolId,
      urgency: 'normal',
      receivedMinutesAgo: 12,
      reference: 'M-2026-000101',
    });
    urgent = fake.seedCase({
      clbId,
      schoolId,
      urgency: 'high',
      deadlineInHours: 5,
      receivedMinutesAgo: 3,
      reference: 'M-2026-000102',
    });
    fake.seedCase({
      clbId: otherClbId,
      schoolId: randomUUID(),
      reference: 'M-2026-000999',
      schoolName: 'Elders',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await consoleApp?.close();
    await fake?.stop();
    await harness?.cleanup();
  });

  afterEach(() => expect(errors).toEqual([]));

  async function desktop(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'nl-BE',
      timezoneId: 'Europe/Brussels',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(error));
    await logInPage(page, consoleApp.baseUrl, email, { testId: 'who' });
    return { context, page };
  }

  /** The references of the queue's rows, top to bottom. */
  const rowReferences = async (page: Page): Promise<string[]> => {
    const rows = page.getByTestId('queue-row');
    const references: string[] = [];
    for (let index = 0; index < (await rows.count()); index += 1) {
      references.push((await rows.nth(index).getAttribute('data-reference')) ?? '');
    }
    return references;
  };

  describe('a doctor', () => {
    let context: BrowserContext;
    let page: Page;
    let arrived: FakeCase;

    beforeAll(async () => {
      ({ context, page } = await desktop('arts@meldpunt.test'));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('sees the queue of their CLB in the API order, with waiting times, live', async () => {
      await page.getByTestId('nav').getByRole('link', { name: 'Risicowachtrij' }).click();
      await page.getByRole('heading', { level: 1, name: 'Risicowachtrij' }).waitFor();
      await page.locator('[data-testid="queue-live"][data-state="live"]').waitFor();
      expect(await rowReferences(page)).toEqual(['M-2026-000102', 'M-2026-000101']);
      const routineRow = page.locator(`[data-testid="queue-row"][data-case-id="${routine.id}"]`);
      expect(await routineRow.getByTestId('queue-waiting').textContent()).toBe('wacht 12 min');
      expect(await routineRow.getByTestId('queue-urgency').textContent()).toBe('Normaal');
      const urgentRow = page.locator(`[data-testid="queue-row"][data-case-id="${urgent.id}"]`);
      expect(await urgentRow.getByTestId('queue-deadline').textContent()).toMatch(
        /^vóór .+ \(nog 4 u 5\d min\)$/,
      );
      expect(await page.getByTestId('queue-summary').textContent()).toBe('2 open dossiers.');
      expect(await page.getByText('M-2026-000999').count()).toBe(0);
    });

    it('sees a new case appear without reloading the page, in its place', async () => {
      await page.evaluate('window.__sameDocument = true');
      arrived = fake.openCase({
        clbId,
        schoolId,
        urgency: 'critical',
        deadlineInHours: 20,
        reference: 'M-2026-000103',
        disease: 'meningococcal',
      });
      const row = page.locator(`[data-testid="queue-row"][data-case-id="${arrived.id}"]`);
      await row.waitFor();
      expect(await page.evaluate('window.__sameDocument')).toBe(true);
      expect(await rowReferences(page)).toEqual(['M-2026-000103', 'M-2026-000102', 'M-2026-000101']);
      expect(await row.getByTestId('queue-new').textContent()).toBe('nieuw');
      expect(await row.getByTestId('queue-open').textContent()).toBe('Meningokokken');
      expect(await page.getByTestId('queue-announcer').textContent()).toContain(
        'Nieuw dossier: Meningokokken',
      );
      expect(await page.getByTestId('queue-summary').textContent()).toBe('3 open dossiers.');
    });

    it('claims a case from the queue', async () => {
      const row = page.locator(`[data-testid="queue-row"][data-case-id="${routine.id}"]`);
      await row.getByTestId('queue-claim').click();
      await row.getByRole('cell', { name: 'U', exact: true }).waitFor();
      expect(fake.cases.get(routine.id)?.assigneeId).toBe(doctorId);
    });

    it('opens a case: the melding, exposures and the proposal per contact with its rule', async () => {
      await page
        .locator(`[data-testid="queue-row"][data-case-id="${routine.id}"]`)
        .getByTestId('queue-open')
        .click();
      await page.getByRole('heading', { level: 1, name: 'Mazelen — dossier M-2026-000101' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/dossiers/${routine.id}`);
      await page.locator('[data-testid="case-live"][data-state="live"]').waitFor();
      expect(await page.getByTestId('case-references').textContent()).toBe('M-2026-000101');
      expect(await page.getByTestId('case-activities').textContent()).toBe('Schoolbus');
      expect(await page.getByTestId('case-assignee-name').textContent()).toBe('Dr. An Arts');
      expect(await page.getByTestId('exposure-row').textContent()).toContain('Klas 3B');
      const rows = page.getByTestId('contact-row');
      expect(await rows.count()).toBe(4);
      const first = rows.first();
      expect(await first.getByTestId('contact-proposal').textContent()).toBe('Hoog risico');
      expect(await first.getByTestId('contact-rule').textContent()).toBe(
        'Regel: Mazelen · klasgenoot · niet gevaccineerd of onbekend → hoog risico (protocolversie 1)',
      );
      expect(await first.getByTestId('contact-letter-status').textContent()).toBe('Geen brief');
      expect(await page.getByTestId('case-no-decision').textContent()).toBe('Nog niet goedgekeurd.');
      await page.getByTestId('case-approve').waitFor();
    });

    it('refuses a bulk change without a reason beside the field, then changes the selected contacts', async () => {
      const rows = page.getByTestId('contact-row');
      await page.getByTestId('contacts-select-all').check();
      expect(await page.getByTestId('bulk-selected-count').textContent()).toBe('4 contacten geselecteerd.');
      await rows.nth(0).getByTestId('contact-select').uncheck();
      await rows.nth(1).getByTestId('contact-select').uncheck();
      expect(await page.getByTestId('bulk-selected-count').textContent()).toBe('2 contacten geselecteerd.');
      expect(
        await page
          .getByTestId('contacts-select-all')
          .evaluate((box) => (box as unknown as { indeterminate: boolean }).indeterminate),
      ).toBe(true);
      const patchesBefore = fake.requests.filter((request) => request.method === 'PATCH').length;
      await page.getByTestId('bulk-risk-low').check();
      await page.getByTestId('bulk-submit').click();
      const error = page.getByTestId('field-error-reason');
      await error.waitFor();
      expect(await error.textContent()).toBe('Geef een reden op: waarom wijkt u af van het voorstel?');
      expect(await page.getByTestId('bulk-reason').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('error-summary').first().isVisible()).toBe(true);
      expect(fake.requests.filter((request) => request.method === 'PATCH')).toHaveLength(patchesBefore);

      await page.getByTestId('bulk-reason').fill('Beide gevaccineerd volgens de vaccinatiekaart');
      await page.getByTestId('bulk-submit').click();
      await page
        .getByTestId('case-action-notice')
        .filter({ hasText: '2 contacten hebben nu Laag risico.' })
        .waitFor();
      expect(await error.isHidden()).toBe(true);
      const chosen = [routine.contacts[2]?.id, routine.contacts[3]?.id];
      const patch = fake.requests.filter((request) => request.method === 'PATCH').at(-1);
      expect(JSON.parse(patch?.body ?? '{}')).toEqual({
        contactIds: expect.arrayContaining(chosen) as unknown,
        risk: 'low',
        reason: 'Beide gevaccineerd volgens de vaccinatiekaart',
      });
      expect(await rows.nth(2).getByTestId('contact-risk').textContent()).toBe('Laag risico');
      expect(await rows.nth(2).getByTestId('contact-override').textContent()).toContain(
        'Aangepast door Dr. An Arts',
      );
      expect(await rows.nth(2).getByTestId('contact-override').textContent()).toContain(
        'Beide gevaccineerd volgens de vaccinatiekaart',
      );
      expect(await rows.nth(0).getByTestId('contact-risk').textContent()).toBe('Hoog risico');
      expect(await page.getByTestId('bulk-selected-count').textContent()).toBe(
        'Geen contacten geselecteerd.',
      );
      await page.getByTestId('timeline-entry').filter({ hasText: 'Classificatie gewijzigd' }).waitFor();
    });

    it('approves and sees each letter status arrive live', async () => {
      await page.getByTestId('case-approve').click();
      expect(await page.getByTestId('case-approve-box').textContent()).toContain(
        'De maatregelen van 4 contacten goedkeuren?',
      );
      expect(fake.requests.some((request) => request.url.endsWith('/approve'))).toBe(false);
      await page.getByTestId('case-approve-confirm').click();
      await page
        .getByTestId('case-action-notice')
        .filter({ hasText: 'Versie 1 is goedgekeurd. Er vertrekken brieven voor 4 contacten.' })
        .waitFor();
      expect(await page.getByTestId('case-decision-version').getAttribute('data-version')).toBe('1');
      expect(await page.getByTestId('case-decision-version').textContent()).toContain('door Dr. An Arts');
      expect(await page.getByTestId('case-status').textContent()).toBe('Beslist');
      expect(await page.getByTestId('case-approve').isDisabled()).toBe(true);
      const letters = page.getByTestId('contact-letter-status');
      expect(await letters.allTextContents()).toEqual(Array(4).fill('Wacht op verzending'));

      await page.evaluate('window.__sameDocument = true');
      fake.reportLetter(routine.id, routine.contacts[0]?.contactRef ?? '', 'delivered');
      fake.reportLetter(routine.id, routine.contacts[2]?.contactRef ?? '', 'failed');
      await page.locator('[data-testid="contact-letter-status"][data-state="failed"]').waitFor();
      await page.locator('[data-testid="contact-letter-status"][data-state="delivered"]').waitFor();
      expect(await letters.allTextContents()).toEqual([
        'Bezorgd',
        'Wacht op verzending',
        'Mislukt',
        'Wacht op verzending',
      ]);
      expect(await page.evaluate('window.__sameDocument')).toBe(true);
      const summary = page.getByTestId('case-letters-summary');
      expect(await summary.locator('[data-state="delivered"]').textContent()).toBe('1 brief bezorgd');
      expect(await summary.locator('[data-state="failed"]').textContent()).toBe('1 brief mislukt');
      await page.getByTestId('case-letters-call').waitFor();
      await page.screenshot({ path: '/tmp/console-risk-case.png', fullPage: true });
    });

    it('keeps another CLB out: its case is a 404, its colleagues are not listed', async () => {
      const other = [...fake.cases.values()].find((riskCase) => riskCase.clbId === otherClbId);
      await page.goto(`${consoleApp.baseUrl}/dossiers/${other?.id ?? ''}`);
      await page.getByTestId('case-error').filter({ hasText: FAKE_RISK_MESSAGES.notFound }).waitFor();
      const team = (await (await page.request.get(`${consoleApp.baseUrl}/api/team`)).json()) as {
        items: { displayName: string; role: string }[];
      };
      expect(team.items.map((member) => member.displayName).sort()).toEqual(
        ['Bart Medewerker', 'Carla Coörd', 'Dr. An Arts'].sort(),
      );
      expect(JSON.stringify(team)).not.toContain('@meldpunt.test');
    });
  });

  describe('CLB staff', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await desktop('medewerker@meldpunt.test'));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('prepare a case but see no approve button, and the API refuses them', async () => {
      await page.goto(`${consoleApp.baseUrl}/dossiers/${urgent.id}`);
      await page.getByRole('heading', { level: 1, name: 'Mazelen — dossier M-2026-000102' }).waitFor();
      await page.getByTestId('case-prepare-note').waitFor();
      expect(await page.getByTestId('case-prepare-note').textContent()).toContain('Voorbereiden');
      expect(await page.getByTestId('case-approve').count()).toBe(0);
      await page.getByTestId('bulk-form').waitFor();
      await page.getByTestId('case-claim').click();
      await page
        .getByTestId('case-action-notice')
        .filter({ hasText: 'U hebt dit dossier genomen.' })
        .waitFor();
      expect(await page.getByTestId('case-assignee-name').textContent()).toBe('Bart Medewerker');

      const me = (await (await page.request.get(`${consoleApp.baseUrl}/auth/me`)).json()) as {
        csrfToken: string;
      };
      const refused = await page.request.post(
        `${consoleApp.baseUrl}/api/risk-assessment/v1/cases/${urgent.id}/approve`,
        {
          headers: { 'x-csrf-token': me.csrfToken, origin: consoleApp.baseUrl },
        },
      );
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { message: string }).message).toBe(FAKE_RISK_MESSAGES.forbidden);
      expect(fake.cases.get(urgent.id)?.decisionVersion).toBe(0);
    });
  });

  describe('a coordinator', () => {
    it('reads the queue and a case, without claim, selection or approval', async () => {
      const { context, page } = await desktop('coordinator@meldpunt.test');
      try {
        await page.getByTestId('nav').getByRole('link', { name: 'Risicowachtrij' }).click();
        await page.getByTestId('queue-row').first().waitFor();
        expect(await page.getByTestId('queue-claim').count()).toBe(0);
        await page
          .locator(`[data-testid="queue-row"][data-case-id="${urgent.id}"]`)
          .getByTestId('queue-open')
          .click();
        await page.getByTestId('case-readonly-note').waitFor();
        expect(await page.getByTestId('bulk-form').count()).toBe(0);
        expect(await page.getByTestId('contact-select').count()).toBe(0);
        expect(await page.getByTestId('case-approve').count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  });

  describe('on a phone', () => {
    it('shows the queue as cards without sideways scrolling', async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'nl-BE',
        timezoneId: 'Europe/Brussels',
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error));
      try {
        await page.goto(`${consoleApp.baseUrl}/wachtrij`);
        await page.getByTestId('login-email').fill('arts@meldpunt.test');
        await page.getByTestId('login-password').fill(TEST_PASSWORD);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('queue-row').first().waitFor();
        expect(
          await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
        ).toBeLessThanOrEqual(0);
        await page.screenshot({ path: '/tmp/console-risk-queue-phone.png', fullPage: true });
      } finally {
        await context.close();
      }
    });
  });

  describe('protocols', () => {
    it('an admin sees the example warning, gets the API field errors, then adds a version with a reason', async () => {
      const { context, page } = await desktop('admin@meldpunt.test');
      try {
        await page.getByTestId('nav').getByRole('link', { name: 'Protocollen' }).click();
        const row = page.locator('[data-testid="protocol-row"][data-protocol="measles"]');
        await row.waitFor();
        expect(await row.getByTestId('protocol-example-warning').textContent()).toBe(
          'Voorbeeld — te valideren door een CLB-arts',
        );
        await row.getByTestId('protocol-open').click();
        await page.getByTestId('protocol-warning').waitFor();
        expect(await page.getByTestId('protocol-rule').count()).toBe(2);
        const editor = page.getByTestId('protocol-json');
        const prefilled = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
        expect(prefilled).toMatchObject({ title: 'Mazelen', example: true });
        expect(prefilled).not.toHaveProperty('protocolId');
        expect(prefilled).not.toHaveProperty('version');

        // Without a reason: said beside the field, nothing sent.
        const posts = () => fake.requests.filter((request) => request.url.endsWith('/versions')).length;
        await page.getByTestId('protocol-submit').click();
        await page.getByTestId('field-error-reason').waitFor();
        expect(posts()).toBe(0);

        // A date in the past and a measure of 61 days: the API's field errors, each where it belongs.
        await page.getByTestId('protocol-reason').fill('Uitsluiting volgens de richtlijn van 2026');
        await page.getByTestId('protocol-effective-from').fill('2020-01-01');
        const tooLong = structuredClone(prefilled) as { rules: { measures: { days?: number }[] }[] };
        const measure = tooLong.rules[0]?.measures[0];
        if (measure) measure.days = 61;
        await editor.fill(JSON.stringify(tooLong, null, 2));
        await page.getByTestId('protocol-submit').click();
        await page.getByTestId('field-error-effectiveFrom').filter({ hasText: 'in het verleden' }).waitFor();
        expect(await page.getByTestId('field-error-definition').textContent()).toBe(
          'rules[0].measures[0].days: Te groot: verwacht dat number <=60 is',
        );

        const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
        await page.getByTestId('protocol-effective-from').fill(today);
        await editor.fill(JSON.stringify({ ...prefilled, title: 'Mazelen (CLB Gent)' }, null, 2));
        await page.getByTestId('protocol-submit').click();
        await page.getByTestId('protocol-created').filter({ hasText: 'Versie 2 is opgeslagen' }).waitFor();
        const audit = page.locator('[data-testid="protocol-audit-entry"][data-version="2"]');
        expect(await audit.getByTestId('protocol-audit-reason').textContent()).toBe(
          'Uitsluiting volgens de richtlijn van 2026',
        );
        expect(await page.getByTestId('protocol-version-row').count()).toBe(2);
        const sent = fake.requests.filter((request) => request.url.endsWith('/versions')).at(-1);
        expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({
          effectiveFrom: today,
          reason: 'Uitsluiting volgens de richtlijn van 2026',
          definition: { title: 'Mazelen (CLB Gent)' },
        });
      } finally {
        await context.close();
      }
    });

    it('a doctor reads the protocols but gets no editor', async () => {
      const { context, page } = await desktop('arts@meldpunt.test');
      try {
        await page.goto(`${consoleApp.baseUrl}/protocollen?protocol=measles`);
        await page.getByTestId('protocol-rules').waitFor();
        expect(await page.getByTestId('protocol-form').count()).toBe(0);
        await page.getByText('Alleen een beheerder kan een nieuwe versie maken.').waitFor();
      } finally {
        await context.close();
      }
    });
  });

  describe('afterwards', () => {
    it('leaves no stream open: the console closed each service connection with its page', async () => {
      await waitFor(() => fake.streams.size === 0, { timeoutMs: 5_000 });
      expect(fake.streamsOpened).toBeGreaterThan(0);
      expect(fake.streamsClosed).toBe(fake.streamsOpened);
    });
  });
});
