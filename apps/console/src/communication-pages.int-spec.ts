// Browser test of the CLB's communication pages (Chromium): the real console in-process (throwaway database) in
// front of a fake communication and a fake intake on node:http that verify the console's tokens. CLB staff are
// stopped beside the fields for an incomplete campaign (by the page and by the service), preview the recipients per
// language and channel, send once (a double click makes one campaign, with an Idempotency-Key) after a
// confirmation naming the number of recipients, watch the progress bar reach 100 % (polling stops when done and
// while the page is hidden), cancel a campaign. On a phone they work through the dead letters: why, what to do,
// about whom, retry, resolve with a required note, a colleague's conflict, the filter and the pages.
import { randomUUID } from 'node:crypto';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_AUTH_KEYS, TestHarness } from '@meldpunt/testing';
import { startConsole, type ConsoleFixture, launchChromium, logInPage } from './testing/console-fixture';
import {
  FAKE_COMMUNICATION_MESSAGES,
  FAKE_FAILURE_REASONS,
  FakeCommunication,
  type FakeAudienceSchool,
  type FakeCampaign,
  type FakeDeadLetter,
} from './testing/fake-communication';
import { FakeIntake } from './testing/fake-intake';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('campaign and dead-letter pages (Chromium)', () => {
  let harness: TestHarness;
  let intake: FakeIntake;
  let fake: FakeCommunication;
  let consoleApp: ConsoleFixture;
  let browser: Browser;
  let demo: ReturnType<FakeIntake['seedDemo']>;
  let staffId: string;
  const errors: Error[] = [];
  const klas3b = randomUUID();
  const klas4a = randomUUID();
  const kleuterK1 = randomUUID();

  beforeAll(async () => {
    harness = await TestHarness.start({ kafka: false, redis: false });
    intake = await FakeIntake.start(TEST_AUTH_KEYS.publicKey);
    demo = intake.seedDemo();
    fake = await FakeCommunication.start(TEST_AUTH_KEYS.publicKey);
    fake.addSchool({
      id: demo.schoolId,
      clbId: demo.clbId,
      name: 'Basisschool De Regenboog',
      levels: ['kleuter', 'lager'],
      groups: [
        {
          id: klas3b,
          name: '3B',
          level: 'lager',
          kind: 'class',
          pupils: 2,
          recipients: [
            { language: 'nl', channel: 'email' },
            { language: 'nl', channel: 'sms' },
            { language: 'ar', channel: 'email' },
          ],
          optedOut: 0,
          unreachable: 0,
        },
        {
          id: klas4a,
          name: '4A',
          level: 'lager',
          kind: 'class',
          pupils: 1,
          recipients: [{ language: 'fr', channel: 'email' }],
          optedOut: 1,
          unreachable: 0,
        },
        {
          id: kleuterK1,
          name: 'K1',
          level: 'kleuter',
          kind: 'class',
          pupils: 3,
          recipients: [
            { language: 'nl', channel: 'email' },
            { language: 'uk', channel: 'sms' },
          ],
          optedOut: 0,
          unreachable: 1,
        },
      ],
    });
    fake.addSchool({
      id: demo.otherSchoolId,
      clbId: demo.clbId,
      name: 'Sint-Lievenscollege Demo',
      levels: ['secundair'],
      groups: [],
    });
    consoleApp = await startConsole(harness, { INTAKE_URL: intake.url, COMMUNICATION_URL: fake.url });
    staffId = (
      await consoleApp.createUser(
        'medewerker@meldpunt.test',
        'clb-staff',
        { clbIds: [demo.clbId] },
        'Bart Medewerker',
      )
    ).id;
    await consoleApp.createUser(
      'school@meldpunt.test',
      'school',
      { schoolIds: [demo.schoolId] },
      'De Regenboog',
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await consoleApp?.close();
    await fake?.stop();
    await intake?.stop();
    await harness?.cleanup();
  });

  afterEach(() => expect(errors).toEqual([]));

  async function logIn(email: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: 'nl-BE',
      timezoneId: 'Europe/Brussels',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(error));
    await logInPage(page, consoleApp.baseUrl, email, { testId: 'who' });
    return { context, page };
  }

  const posts = (path: string) =>
    fake.requests.filter((request) => request.method === 'POST' && request.url === path).length;

  /** Makes the page hidden or visible again, as a switched tab would. */
  const setHidden = (page: Page, hidden: boolean) =>
    page.evaluate(
      `Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${String(hidden)} });
       document.dispatchEvent(new Event('visibilitychange'));`,
    );

  describe('campaigns (CLB staff)', () => {
    let context: BrowserContext;
    let page: Page;
    let sent: FakeCampaign;

    beforeAll(async () => {
      ({ context, page } = await logIn('medewerker@meldpunt.test'));
      await page.getByTestId('nav').getByRole('link', { name: 'Campagnes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Campagnes' }).waitFor();
      await page.getByTestId('audience-school').first().waitFor();
    });

    afterAll(async () => {
      await context?.close();
    });

    const row = (id: string) => page.locator(`[data-testid="campaign-row"][data-campaign-id="${id}"]`);
    const school = (name: string) => page.getByTestId('campaign-schools').getByLabel(name, { exact: true });
    const group = (name: string) =>
      page.getByTestId('audience-group').and(page.getByLabel(new RegExp(`^${name} `)));

    it('says beside each field what is missing, before and after asking the service', async () => {
      expect(await page.getByTestId('campaigns-summary').textContent()).toBe('Nog geen campagnes.');
      await page.getByTestId('campaign-submit').click();
      expect(await page.getByTestId('field-error-title').textContent()).toBe('Geef de campagne een titel.');
      expect(await page.getByTestId('field-error-disease').textContent()).toBe(
        'Kies over welke ziekte de brief gaat.',
      );
      expect(await page.getByTestId('field-error-audience').textContent()).toBe('Kies minstens één school.');
      expect(await page.getByTestId('campaign-title').getAttribute('aria-invalid')).toBe('true');
      await page
        .getByTestId('error-summary')
        .getByRole('link', { name: 'Geef de campagne een titel.' })
        .waitFor();
      expect(posts('/v1/campaigns/preview') + posts('/v1/campaigns')).toBe(0);

      // The service refuses what the page cannot know: the school moved to another CLB meanwhile.
      await page.getByTestId('campaign-title').fill('Mazelen: geruststelling');
      await page.getByTestId('campaign-disease').selectOption({ label: 'Mazelen' });
      await school('Basisschool De Regenboog').check();
      const regenboog = fake.schools.find(
        (candidate) => candidate.id === demo.schoolId,
      ) as FakeAudienceSchool;
      regenboog.clbId = randomUUID();
      try {
        await page.getByTestId('campaign-preview-button').click();
        await page
          .getByTestId('field-error-audience')
          .filter({ hasText: FAKE_COMMUNICATION_MESSAGES.schoolNotInClb })
          .waitFor();
      } finally {
        regenboog.clbId = demo.clbId;
      }
      expect(await page.getByTestId('field-error-title').isHidden()).toBe(true);
      expect(await page.getByTestId('field-error-disease').isHidden()).toBe(true);
      expect(await page.getByTestId('campaign-preview').isHidden()).toBe(true);
    });

    it('previews the recipients per language and channel, with opted-out and unreachable counts', async () => {
      await group('3B').check();
      await page.getByTestId('campaign-preview-button').click();
      const table = page.getByTestId('campaign-preview-table');
      await table.waitFor();
      const cells = async (language: string) =>
        (await table.locator(`[data-language="${language}"]`).locator('th, td').allTextContents()).map(
          (text) => text.trim(),
        );
      expect(await cells('nl')).toEqual(['Nederlands', '1', '1', '2']);
      expect(await cells('ar')).toEqual(['Arabisch', '1', '0', '1']);
      expect(await page.getByTestId('campaign-preview-total').locator('td').allTextContents()).toEqual([
        '2',
        '1',
        '3',
      ]);
      const count = async (name: string) =>
        page.getByTestId(`campaign-preview-${name}`).locator('dd').textContent();
      expect(await count('pupils')).toBe('2');
      expect(await count('recipients')).toBe('3');
      expect(await count('optedOut')).toBe('0');
      expect(await count('unreachable')).toBe('0');
      const asked = JSON.parse(
        fake.requests.filter((request) => request.url === '/v1/campaigns/preview').at(-1)?.body ?? '{}',
      ) as Record<string, unknown>;
      expect(asked).toEqual({
        clbId: demo.clbId,
        disease: 'measles',
        audience: { schoolIds: [demo.schoolId], groupIds: [klas3b] },
      });

      // The whole school: a changed choice hides the old preview until it is asked again.
      await group('3B').uncheck();
      expect(await page.getByTestId('campaign-preview').isHidden()).toBe(true);
      await page.getByTestId('campaign-preview-button').click();
      await page.getByTestId('campaign-preview-recipients').filter({ hasText: '6' }).waitFor();
      expect(await count('optedOut')).toBe('1');
      expect(await count('unreachable')).toBe('1');
      expect(await cells('uk')).toEqual(['Oekraïens', '0', '1', '1']);
      await page.getByTestId('campaign-preview').getByText('1 ouder heeft zich afgemeld voor sms').waitFor();
      await page.screenshot({ path: '/tmp/console-campaign-preview.png', fullPage: true });

      // Only the kleuter level.
      await page.getByTestId('audience-level').and(page.getByLabel('Kleuteronderwijs')).check();
      await page.getByTestId('campaign-preview-button').click();
      await page.getByTestId('campaign-preview-recipients').filter({ hasText: '2' }).waitFor();
      await page.getByTestId('audience-level').and(page.getByLabel('Kleuteronderwijs')).uncheck();

      // Classes of one school and another school whole: the API would narrow both to the classes, so the page asks.
      await group('3B').check();
      await school('Sint-Lievenscollege Demo').check();
      const previews = fake.requests.filter((request) => request.url === '/v1/campaigns/preview').length;
      await page.getByTestId('campaign-preview-button').click();
      expect(await page.getByTestId('field-error-audience').textContent()).toBe(
        'Kies ook klassen van Sint-Lievenscollege Demo, of verstuur daarvoor een aparte campagne: wie klassen kiest, kiest ze voor elke gekozen school.',
      );
      expect(fake.requests.filter((request) => request.url === '/v1/campaigns/preview')).toHaveLength(
        previews,
      );
      await school('Sint-Lievenscollege Demo').uncheck();
    });

    it('sends once after a confirmation naming the recipients, and the progress bar reaches 100 %', async () => {
      await group('3B').check();
      await page.getByTestId('campaign-submit').click();
      const question = page.getByTestId('campaign-confirm-question');
      await question.waitFor();
      expect(await question.textContent()).toBe(
        'U verstuurt "Mazelen: geruststelling" naar 3 ontvangers. Nu versturen?',
      );
      expect(fake.campaigns).toHaveLength(0);

      await page.getByTestId('campaign-confirm').dblclick();
      await page.getByTestId('campaign-created').filter({ hasText: 'naar 3 ontvangers' }).waitFor();
      expect(fake.campaigns).toHaveLength(1);
      expect(posts('/v1/campaigns')).toBe(1);
      const create = fake.requests.find(
        (request) => request.method === 'POST' && request.url === '/v1/campaigns',
      );
      expect(create?.headers['idempotency-key']).toMatch(UUID);
      expect(JSON.parse(create?.body ?? '{}')).toEqual({
        clbId: demo.clbId,
        disease: 'measles',
        title: 'Mazelen: geruststelling',
        audience: { schoolIds: [demo.schoolId], groupIds: [klas3b] },
      });
      expect(create?.principal?.userId).toBe(staffId);
      sent = fake.campaigns[0] as FakeCampaign;
      // The form is empty again, ready for the next one.
      expect(await page.getByTestId('campaign-title').inputValue()).toBe('');

      const progress = row(sent.id).getByRole('progressbar', {
        name: 'Voortgang van Mazelen: geruststelling',
      });
      const text = row(sent.id).getByTestId('campaign-progress-text');
      expect(await text.textContent()).toBe('0 van 3 verwerkt (0 %)');
      expect(await row(sent.id).getByTestId('campaign-status').textContent()).toBe('Wordt verstuurd');
      expect(await row(sent.id).getByTestId('campaign-title-cell').textContent()).toBe(
        'Mazelen: geruststelling',
      );
      await page.locator('[data-testid="campaigns-table"][data-polling="true"]').waitFor();

      fake.deliver(sent.id, 1);
      await text.filter({ hasText: '1 van 3 verwerkt (33 %)' }).waitFor();
      expect([await progress.getAttribute('value'), await progress.getAttribute('max')]).toEqual(['1', '3']);

      fake.fail(sent.id, 1);
      fake.deliver(sent.id, 1);
      await text.filter({ hasText: '3 van 3 verwerkt (100 %)' }).waitFor();
      expect([await progress.getAttribute('value'), await progress.getAttribute('max')]).toEqual(['3', '3']);
      expect(await row(sent.id).getByTestId('campaign-status').textContent()).toBe('Verstuurd');
      expect(await row(sent.id).getByTestId('campaign-counts').textContent()).toBe(
        '2 verstuurd · 1 mislukt · 0 geannuleerd',
      );
      expect(await row(sent.id).getByTestId('campaign-cancel').isHidden()).toBe(true);
      await page.locator('[data-testid="campaigns-table"][data-polling="false"]').waitFor();
      expect(await page.getByTestId('campaigns-announcer').textContent()).toBe(
        'De campagne "Mazelen: geruststelling" is volledig verwerkt.',
      );
      await page.screenshot({ path: '/tmp/console-campaigns.png', fullPage: true });
    });

    it('polls only while the page is visible', async () => {
      const running = fake.seedCampaign({
        clbId: demo.clbId,
        title: 'Bof: informatie',
        total: 4,
        createdBy: staffId,
      });
      await page.getByTestId('nav').getByRole('link', { name: 'Campagnes' }).click();
      const text = row(running.id).getByTestId('campaign-progress-text');
      await text.waitFor();
      await page.locator('[data-testid="campaigns-table"][data-polling="true"]').waitFor();
      await setHidden(page, true);
      await page.locator('[data-testid="campaigns-table"][data-polling="false"]').waitFor();
      fake.deliver(running.id, 1);
      const polls = () =>
        fake.requests.filter((request) => request.url === `/v1/campaigns/${running.id}`).length;
      const before = polls();
      await setHidden(page, false);
      await text.filter({ hasText: '1 van 4 verwerkt (25 %)' }).waitFor();
      expect(polls()).toBeGreaterThan(before);
      await page.locator('[data-testid="campaigns-table"][data-polling="true"]').waitFor();
    });

    it('cancels a sending campaign only after confirming', async () => {
      const running = fake.campaigns.find((campaign) => campaign.title === 'Bof: informatie') as FakeCampaign;
      await row(running.id).getByTestId('campaign-cancel').click();
      expect(await row(running.id).getByTestId('campaign-cancel-box').textContent()).toContain(
        '3 berichten zijn nog niet verstuurd',
      );
      await row(running.id).getByTestId('campaign-cancel-keep').click();
      expect(await row(running.id).getByTestId('campaign-cancel-box').isHidden()).toBe(true);
      expect(posts(`/v1/campaigns/${running.id}/cancel`)).toBe(0);

      await row(running.id).getByTestId('campaign-cancel').click();
      await row(running.id).getByTestId('campaign-cancel-confirm').click();
      await row(running.id).getByTestId('campaign-status').filter({ hasText: 'Geannuleerd' }).waitFor();
      expect(await row(running.id).getByTestId('campaign-progress-text').textContent()).toBe(
        '4 van 4 verwerkt (100 %)',
      );
      expect(await row(running.id).getByTestId('campaign-message').textContent()).toBe(
        'De campagne is geannuleerd.',
      );
      expect(fake.campaigns.find((campaign) => campaign.id === running.id)).toMatchObject({
        status: 'cancelled',
        sent: 1,
        cancelled: 3,
        pending: 0,
      });
      await page.locator('[data-testid="campaigns-table"][data-polling="false"]').waitFor();
    });

    it("shows the service's answer when a campaign finished before the cancel arrived", async () => {
      const running = fake.seedCampaign({
        clbId: demo.clbId,
        title: 'Kinkhoest',
        total: 2,
        createdBy: staffId,
      });
      await page.getByTestId('nav').getByRole('link', { name: 'Campagnes' }).click();
      await row(running.id).getByTestId('campaign-cancel').waitFor();
      await setHidden(page, true); // no poll brings the news first
      fake.deliver(running.id, 2);
      await row(running.id).getByTestId('campaign-cancel').click();
      await row(running.id).getByTestId('campaign-cancel-confirm').click();
      await row(running.id)
        .getByTestId('campaign-message')
        .filter({ hasText: FAKE_COMMUNICATION_MESSAGES.alreadyFinished })
        .waitFor();
      await row(running.id).getByTestId('campaign-status').filter({ hasText: 'Verstuurd' }).waitFor();
      await setHidden(page, false);
    });
  });

  describe('dead letters (CLB staff on a phone)', () => {
    let context: BrowserContext;
    let page: Page;
    let emailLetter: FakeDeadLetter;
    let smsLetter: FakeDeadLetter;
    let older: FakeDeadLetter[];

    beforeAll(async () => {
      const pupils = intake.pupils.get(demo.schoolId) ?? [];
      const emma = pupils.find((pupil) => pupil.firstName === 'Emma');
      const noah = pupils.find((pupil) => pupil.firstName === 'Noah');
      const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
      emailLetter = fake.seedDeadLetter({
        clbId: demo.clbId,
        schoolId: demo.schoolId,
        channel: 'email',
        contactRefs: [emma?.ref ?? ''],
        guardian: {
          name: 'Fatima El Amrani',
          language: 'ar',
          email: 'fatima@example.be',
          mobile: '+32470009005',
          householdLabel: 'gezin 1',
        },
        reason: FAKE_FAILURE_REASONS.lastAttempt('connect ECONNREFUSED 10.0.0.5:25'),
        createdAt: minutesAgo(1),
      });
      smsLetter = fake.seedDeadLetter({
        clbId: demo.clbId,
        schoolId: demo.schoolId,
        channel: 'sms',
        contactRefs: [noah?.ref ?? ''],
        caseId: null,
        decisionVersion: null,
        campaignId: randomUUID(),
        reason: FAKE_FAILURE_REASONS.refused('invalid destination number'),
        createdAt: minutesAgo(2),
      });
      fake.seedDeadLetter({
        clbId: demo.clbId,
        schoolId: demo.schoolId,
        status: 'resolved',
        note: 'Telefonisch gemeld aan de moeder',
        handledBy: staffId,
        handledAt: minutesAgo(30),
        createdAt: minutesAgo(60),
      });
      older = Array.from({ length: 22 }, (_, index) =>
        fake.seedDeadLetter({
          clbId: demo.clbId,
          schoolId: demo.schoolId,
          reason:
            index === 1
              ? FAKE_FAILURE_REASONS.bounced('550 5.1.1 user unknown')
              : FAKE_FAILURE_REASONS.noAddress,
          createdAt: minutesAgo(120 + index),
        }),
      );
      fake.seedDeadLetter({ clbId: randomUUID(), schoolId: randomUUID(), createdAt: minutesAgo(0) });
      ({ context, page } = await logIn('medewerker@meldpunt.test', 390));
      await page.goto(`${consoleApp.baseUrl}/onbestelbaar`);
      await page.getByRole('heading', { level: 1, name: 'Niet bezorgde berichten' }).waitFor();
      await page.getByTestId('dead-letter').first().waitFor();
    });

    afterAll(async () => {
      await context?.close();
    });

    const item = (id: string) => page.locator(`[data-testid="dead-letter"][data-id="${id}"]`);

    it('lists the open ones newest first: when, channel, about whom, why in plain Dutch and what to do', async () => {
      expect(await page.getByTestId('dead-letters-summary').textContent()).toBe(
        '24 berichten af te handelen.',
      );
      expect(await page.getByTestId('dead-letter').count()).toBe(20);
      const first = page.getByTestId('dead-letter').first();
      expect(await first.getAttribute('data-id')).toBe(emailLetter.id);
      expect(await first.getByTestId('dead-letter-channel').textContent()).toBe('E-mail');
      expect(await first.getByTestId('dead-letter-about').textContent()).toBe(
        'De ouder van Emma Peeters (3B)',
      );
      expect(await first.getByTestId('dead-letter-school').textContent()).toBe('Basisschool De Regenboog');
      // Whom to call, with the language to speak and a phone link.
      expect(await first.getByTestId('dead-letter-guardian').textContent()).toBe('Fatima El Amrani');
      expect(await first.getByTestId('dead-letter-contact').textContent()).toContain('Taal: Arabisch');
      expect(await first.getByTestId('dead-letter-mobile').getAttribute('href')).toBe('tel:+32470009005');
      expect(await item(smsLetter.id).getByTestId('dead-letter-contact').textContent()).toBe(
        'De ouder staat niet meer in de leerlingenlijst: vraag de gegevens aan de school.',
      );
      expect(await first.getByTestId('dead-letter-why').textContent()).toBe(
        'De mailserver van de ouder was na meerdere pogingen nog altijd niet bereikbaar.',
      );
      expect(await first.getByTestId('dead-letter-todo').textContent()).toMatch(/^Probeer het opnieuw\./);
      expect(await first.getByTestId('dead-letter-case').getAttribute('href')).toBe(
        `/dossiers/${emailLetter.caseId}`,
      );
      expect(await first.getByTestId('dead-letter-when').textContent()).toMatch(
        /^\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}$/,
      );
      const sms = item(smsLetter.id);
      expect(await sms.getByTestId('dead-letter-why').textContent()).toBe(
        'Het gsm-nummer is ongeldig of kan geen sms ontvangen.',
      );
      expect(await sms.getByTestId('dead-letter-todo').textContent()).toMatch(/^Opnieuw proberen helpt niet/);
      expect(await sms.getByText('Informatiebrief van een campagne').count()).toBe(1);
      expect(await sms.getByTestId('dead-letter-case').count()).toBe(0);
      expect(
        await item(older[0]?.id ?? '')
          .getByTestId('dead-letter-why')
          .textContent(),
      ).toBe('Er is geen e-mailadres meer voor deze ouder.');
      expect(
        await item(older[1]?.id ?? '')
          .getByTestId('dead-letter-why')
          .textContent(),
      ).toBe('De e-mail kwam terug: het e-mailadres bestaat niet (meer) of de mailbox weigert berichten.');
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
      ).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/console-dead-letters.png' });
    });

    it('pages through the list', async () => {
      expect(await page.getByTestId('dead-letters-pager-where').textContent()).toBe('1–20 van 24');
      expect(await page.getByTestId('dead-letters-pager-previous').isDisabled()).toBe(true);
      await page.getByTestId('dead-letters-pager-next').click();
      await page.getByTestId('dead-letters-pager-where').filter({ hasText: '21–24 van 24' }).waitFor();
      expect(await page.getByTestId('dead-letter').count()).toBe(4);
      expect(await page.getByTestId('dead-letters-pager-next').isDisabled()).toBe(true);
      await page.getByTestId('dead-letters-pager-previous').click();
      await item(emailLetter.id).waitFor();
    });

    it('sends one again', async () => {
      await item(emailLetter.id).getByTestId('dead-letter-retry').click();
      await item(emailLetter.id)
        .getByTestId('dead-letter-status')
        .filter({ hasText: 'Opnieuw verstuurd' })
        .waitFor();
      expect(await item(emailLetter.id).getByTestId('dead-letter-message').textContent()).toMatch(
        /^Het bericht wordt opnieuw verstuurd\./,
      );
      expect(await item(emailLetter.id).getByTestId('dead-letter-handled').textContent()).toMatch(
        /^Opnieuw verstuurd door Bart Medewerker op /,
      );
      expect(await item(emailLetter.id).getByTestId('dead-letter-actions').isHidden()).toBe(true);
      expect(fake.deadLetters.find((dead) => dead.id === emailLetter.id)).toMatchObject({
        status: 'retried',
        handledBy: staffId,
      });
    });

    it('marks one resolved only with a note saying how the family was reached', async () => {
      const sms = item(smsLetter.id);
      await sms.getByTestId('dead-letter-resolve').click();
      await sms.getByTestId('dead-letter-resolve-submit').click();
      expect(await sms.getByTestId('field-error-note').textContent()).toBe(
        'Geef kort aan hoe het gezin bereikt werd (bijvoorbeeld "telefonisch gemeld").',
      );
      expect(await sms.getByTestId('dead-letter-note').getAttribute('aria-invalid')).toBe('true');
      expect(posts(`/v1/dead-letters/${smsLetter.id}/resolve`)).toBe(0);
      await sms.getByTestId('dead-letter-note').fill('Telefonisch gemeld aan de vader');
      await sms.getByTestId('dead-letter-resolve-submit').click();
      await sms.getByTestId('dead-letter-status').filter({ hasText: 'Opgelost' }).waitFor();
      expect(await sms.getByTestId('dead-letter-handled').textContent()).toMatch(
        /^Opgelost door Bart Medewerker op .+: Telefonisch gemeld aan de vader$/,
      );
      expect(await sms.getByTestId('dead-letter-resolve-form').isHidden()).toBe(true);
      expect(fake.deadLetters.find((dead) => dead.id === smsLetter.id)).toMatchObject({
        status: 'resolved',
        note: 'Telefonisch gemeld aan de vader',
      });
    });

    it('says so when a colleague handled it in the meantime, and shows what they noted', async () => {
      const target = older[0] as FakeDeadLetter;
      const card = item(target.id);
      await card.getByTestId('dead-letter-resolve').click();
      await card.getByTestId('dead-letter-note').fill('Gebeld');
      Object.assign(fake.deadLetters.find((dead) => dead.id === target.id) as FakeDeadLetter, {
        status: 'resolved',
        note: 'Gemaild naar het werkadres',
        handledBy: 'collega',
        handledAt: new Date().toISOString(),
      });
      await card.getByTestId('dead-letter-resolve-submit').click();
      await card
        .getByTestId('dead-letter-message')
        .filter({ hasText: FAKE_COMMUNICATION_MESSAGES.deadLetterHandled })
        .waitFor();
      await card.getByTestId('dead-letter-status').filter({ hasText: 'Opgelost' }).waitFor();
      expect(await card.getByTestId('dead-letter-handled').textContent()).toContain(
        'Gemaild naar het werkadres',
      );
      expect(fake.deadLetters.find((dead) => dead.id === target.id)?.note).toBe('Gemaild naar het werkadres');
    });

    it('filters by status and keeps the filter in the address', async () => {
      await page.getByTestId('dead-letters-filter').selectOption({ label: 'Opgelost' });
      await page.getByTestId('dead-letters-summary').filter({ hasText: '3 berichten opgelost.' }).waitFor();
      expect(new URL(page.url()).search).toBe('?status=resolved');
      await item(smsLetter.id).waitFor();
      expect(await page.locator('[data-testid="dead-letter-retry"]:visible').count()).toBe(0);
      await page.reload();
      await page.getByTestId('dead-letters-summary').filter({ hasText: '3 berichten opgelost.' }).waitFor();
      expect(await page.getByTestId('dead-letters-filter').inputValue()).toBe('resolved');
      expect(
        fake.requests.some((request) => request.url.startsWith('/v1/dead-letters?status=resolved')),
      ).toBe(true);
    });
  });

  it('is not for schools', async () => {
    const { context, page } = await logIn('school@meldpunt.test');
    try {
      expect(await page.getByTestId('nav').getByRole('link', { name: 'Campagnes' }).count()).toBe(0);
      await page.goto(`${consoleApp.baseUrl}/onbestelbaar`);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      await page.goto(`${consoleApp.baseUrl}/campagnes`);
      await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
