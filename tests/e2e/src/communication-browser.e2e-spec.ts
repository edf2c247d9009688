import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, RealStack, type ApiSession } from './support/real-stack';

/**
 * An admin's communication work on the real stack (`npm start` on its own ports, databases and Redis database):
 * the admin previews a letter template in Arabic on /sjablonen and sees it right-to-left; then runs an information
 * campaign to one class of the demo seed (De Regenboog, 3B) on /campagnes: the preview counts the recipients per
 * language and channel, the confirmation names their number, the progress bar reaches 100 %, and the letters are in
 * the stack's MailDev and SMS sink: exactly one per guardian address, every one for a guardian of that class;
 * nothing lands on the dead-letter page.
 */
/** The stack's sinks: SMTP, then the mail UI (MailDev's API), then SMS. */
const MAIL_SMTP_PORT = 1525;
const MAIL_UI_PORT = MAIL_SMTP_PORT + 1;
const SMS_PORT = MAIL_SMTP_PORT + 2;
const SCHOOL = 'Basisschool De Regenboog';
const CLASS = '3B';
const TITLE = 'E2E: mazelen in 3B — geruststelling';

let stack: RealStack;
let browser: Browser;

beforeAll(async () => {
  stack = await RealStack.start({
    basePort: 3500,
    sinkBasePort: MAIL_SMTP_PORT,
    databasePrefix: 'meldpunt_e2c_',
    kafkaGroupPrefix: 'e2c.',
    // 11 and 12 are school-browser's and risk-queue-browser's: a shared database would share BullMQ queues.
    redisDatabase: 13,
    inheritedEnv: process.env,
  });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 120_000);

/** The parts of communication's answers this test reads (apps/communication/src/campaigns/dto). */
interface AudienceSchool {
  readonly id: string;
  readonly name: string;
  readonly groups: readonly { id: string; name: string; pupils: number }[];
}
interface Preview {
  readonly pupils: number;
  readonly recipients: number;
  readonly byLanguage: readonly { language: string; email: number; sms: number }[];
}
interface Campaign {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
}

/** The demo rosters' addresses (apps/intake/src/demo-rosters.ts) name the pupil: `….<pupilNumber>@example.be`. */
function pupilOfEmail(address: string): string | null {
  return /\.(\d+)@example\.be$/.exec(address)?.[1] ?? null;
}

/** … and the mobile numbers are +32 470 <pupilNumber × 2 (+1 for the second guardian)>. */
function pupilOfMobile(number: string): string | null {
  const digits = number.replace(/\D/g, '');
  return digits.startsWith('32470') ? String(Math.floor(Number(digits.slice(5)) / 2)) : null;
}

describe('an admin on the real stack: templates and a campaign', () => {
  let context: BrowserContext;
  let page: Page;
  let admin: ApiSession;

  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-BE',
      timezoneId: 'Europe/Brussels',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    admin = await stack.logIn(context, 'admin@meldpunt.test');
    await page.goto(stack.consoleUrl);
    await page.getByTestId('who').waitFor();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('previews a template in Arabic: the preview is right-to-left', async () => {
    await page.goto(`${stack.consoleUrl}/sjablonen`);
    await page.getByTestId('template-language').waitFor();
    await page.locator('[data-testid="template-preview-frame"][data-direction="ltr"]').waitFor();
    await page.getByTestId('template-language').selectOption('ar');
    await page.locator('[data-testid="template-preview-frame"][data-direction="rtl"]').waitFor();
    const letter = page.frameLocator('[data-testid="template-preview-frame"]');
    await letter.locator('[dir="rtl"]').first().waitFor();
    expect(await letter.locator('body').textContent()).toMatch(/[\u0600-\u06FF]/);
    await page.screenshot({ path: '/tmp/e2e-templates-ar.png', fullPage: true });
  }, 90_000);

  it('runs a campaign to one class of the demo seed and watches the progress reach 100 %', async () => {
    // Communication learns the classes (intake.group-membership.changed.v1) and the guardians' sealed contacts
    // (intake.guardian-contacts.changed.v1) from the seed's events; wait until both have arrived.
    const schools = await stack.call<{ items: { id: string; name: string }[] }>(
      admin,
      'GET',
      '/api/intake/v1/schools',
    );
    const schoolId = schools.body.items.find((school) => school.name === SCHOOL)?.id ?? '';
    expect(schoolId).not.toBe('');
    const klas = await stack.eventually(`${CLASS} in the campaign audience`, async () => {
      const { body } = await stack.call<{ schools: AudienceSchool[] }>(
        admin,
        'GET',
        '/api/communication/v1/campaigns/audiences',
      );
      return (
        body?.schools
          ?.find((school) => school.id === schoolId)
          ?.groups.find((group) => group.name === CLASS && group.pupils > 0) ?? null
      );
    });
    const roster = await stack.call<{ items: { pupilNumber: string }[] }>(
      admin,
      'GET',
      `/api/intake/v1/schools/${schoolId}/pupils?classId=${klas.id}`,
    );
    const pupilNumbers = new Set(roster.body.items.map((pupil) => pupil.pupilNumber));
    expect(pupilNumbers.size).toBe(klas.pupils);
    const { clbId } = (
      await stack.call<{ items: { id: string; clbId: string }[] }>(admin, 'GET', '/api/intake/v1/schools')
    ).body.items.find((school) => school.id === schoolId) ?? { clbId: '' };
    // Every demo pupil has a guardian with an address: the contacts are in once every pupil is reachable.
    await stack.eventually('the guardians of the class in communication', async () => {
      const { body } = await stack.call<Preview>(admin, 'POST', '/api/communication/v1/campaigns/preview', {
        clbId,
        disease: 'measles',
        audience: { schoolIds: [schoolId], groupIds: [klas.id] },
      });
      return body && body.recipients >= klas.pupils ? body : null;
    });

    await page.getByTestId('nav').getByRole('link', { name: 'Campagnes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campagnes' }).waitFor();
    await page.getByTestId('campaign-title').fill(TITLE);
    await page.getByTestId('campaign-disease').selectOption({ label: 'Mazelen' });
    await page.getByTestId('campaign-schools').getByLabel(SCHOOL, { exact: true }).check();
    await page.locator(`[data-testid="audience-group"][value="${klas.id}"]`).check();
    await page.getByTestId('campaign-preview-button').click();
    await page.getByTestId('campaign-preview-table').waitFor();
    const recipients = Number(
      await page.getByTestId('campaign-preview-recipients').locator('dd').textContent(),
    );
    expect(recipients).toBeGreaterThanOrEqual(klas.pupils);
    expect(Number(await page.getByTestId('campaign-preview-pupils').locator('dd').textContent())).toBe(
      klas.pupils,
    );
    // The seed's families read Dutch, French, Arabic or Ukrainian: Dutch is always among them.
    await page.locator('[data-testid="campaign-preview-row"][data-language="nl"]').waitFor();
    const total = await page.getByTestId('campaign-preview-total').locator('td').allTextContents();
    expect(Number(total[2])).toBe(recipients);

    await page.getByTestId('campaign-submit').click();
    await page.getByTestId('campaign-confirm-box').waitFor();
    expect(await page.getByTestId('campaign-confirm-question').textContent()).toBe(
      `U verstuurt "${TITLE}" naar ${recipients} ontvangers. Nu versturen?`,
    );
    await page.getByTestId('campaign-confirm').dblclick();
    await page.getByTestId('campaign-created').waitFor();

    const list = await stack.call<{ items: Campaign[] }>(
      admin,
      'GET',
      `/api/communication/v1/campaigns?clbId=${clbId}`,
    );
    const made = list.body.items.filter((campaign) => campaign.title === TITLE);
    expect(made).toHaveLength(1); // the double click made one campaign
    const campaign = made[0] as Campaign;
    expect(campaign.total).toBe(recipients);

    const row = page.locator(`[data-testid="campaign-row"][data-campaign-id="${campaign.id}"]`);
    await row
      .getByTestId('campaign-progress-text')
      .filter({ hasText: `${recipients} van ${recipients} verwerkt (100 %)` })
      .waitFor({ timeout: 180_000 });
    expect(await row.getByTestId('campaign-status').textContent()).toBe('Verstuurd');
    const bar = row.getByRole('progressbar', { name: `Voortgang van ${TITLE}` });
    expect(await bar.getAttribute('value')).toBe(String(recipients));
    await page.locator('[data-testid="campaigns-table"][data-polling="false"]').waitFor();
    const done = await stack.call<Campaign>(admin, 'GET', `/api/communication/v1/campaigns/${campaign.id}`);
    expect(done.body).toMatchObject({ status: 'completed', sent: recipients, failed: 0 });
    await page.screenshot({ path: '/tmp/e2e-campaign.png', fullPage: true });

    // The letters: one per guardian address, each for a guardian of a pupil of the class, every pupil reached.
    const mails = (await (await fetch(`http://127.0.0.1:${MAIL_UI_PORT}/api/email`)).json()) as {
      to: { address: string }[];
    }[];
    const sms = (await (await fetch(`http://127.0.0.1:${SMS_PORT}/messages`)).json()) as { to: string }[];
    const emailAddresses = mails.flatMap((mail) => mail.to.map((to) => to.address.toLowerCase()));
    const numbers = sms.map((message) => message.to);
    expect(emailAddresses.length + numbers.length).toBe(recipients);
    expect(new Set(emailAddresses).size).toBe(emailAddresses.length);
    expect(new Set(numbers).size).toBe(numbers.length);
    const reached = [
      ...emailAddresses.map((address) => pupilOfEmail(address)),
      ...numbers.map((number) => pupilOfMobile(number)),
    ];
    expect(reached.filter((pupil) => pupil === null || !pupilNumbers.has(pupil))).toEqual([]);
    expect(new Set(reached)).toEqual(pupilNumbers);
  }, 360_000);

  it('has nothing undeliverable afterwards: the dead-letter page shows an empty list', async () => {
    await page.getByTestId('nav').getByRole('link', { name: 'Niet bezorgde berichten' }).click();
    await page
      .getByTestId('dead-letters-summary')
      .filter({ hasText: 'Er zijn geen niet bezorgde berichten af te handelen.' })
      .waitFor();
    expect(await page.getByTestId('dead-letter').count()).toBe(0);
  });
});
