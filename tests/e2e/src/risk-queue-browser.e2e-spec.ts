import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, launchChromium, RealStack, type ApiSession } from './support/real-stack';

/**
 * A CLB doctor's day on the real stack (`npm start` on its own ports, databases and Redis database): the school
 * sends its roster through intake's JSON roster API; the doctor opens the risk queue in a real browser; the school
 * files a melding about a pupil of class E2R and the case appears in the open queue without a reload; the doctor
 * opens it, finds the classmates and the teacher as contacts with the protocol's proposal, selects several and
 * reclassifies them with a reason, approves; risk.measures.decided.v1 leaves without a name in it; then the test
 * publishes what communication would report (communication.delivery.updated.v1) and the letter statuses
 * appear on the open case page.
 */
/** libs/contracts TOPICS.RISK_MEASURES_DECIDED and TOPICS.DELIVERY_UPDATED (e2e tests import no libraries). */
const DECIDED_TOPIC = 'risk.measures.decided.v1';
const KAFKA = '127.0.0.1:9092';
const CLASS = 'E2R';
const REASON = 'Gevaccineerd volgens de vaccinatiekaart (BMR 2x)';

/** The class: six pupils (the first one falls ill) and their teacher. Names must never reach Kafka. */
const PUPILS = [
  ['E2R-001', 'Lotte', 'Verstraeten'],
  ['E2R-002', 'Wout', 'Claeys'],
  ['E2R-003', 'Amira', 'Benali'],
  ['E2R-004', 'Jasper', 'De Smet'],
  ['E2R-005', 'Fien', 'Goossens'],
  ['E2R-006', 'Milan', 'Wuyts'],
] as const;
const TEACHER = ['E2R-T1', 'Hilde', 'Vervaet'] as const;
const NAMES = [...PUPILS.flatMap(([, first, last]) => [first, last]), TEACHER[1], TEACHER[2]];

/** The part of risk.measures.decided.v1 this test reads (libs/contracts/src/events/risk.events.ts). */
interface DecidedPayload {
  readonly caseId: string;
  readonly decisionVersion: number;
  readonly contacts: readonly {
    readonly contactRef: string;
    readonly contactKind: string;
    readonly risk: string;
    readonly letterKind: string | null;
  }[];
}

/** YYYY-MM-DD in Brussels, `days` from today. */
function brusselsDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** The Flemish school year of today: 2026-2027 from 1 September 2026. */
function schoolYear(): string {
  const [year, month] = brusselsDay(0).split('-').map(Number) as [number, number];
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

let stack: RealStack;
let browser: Browser;
let kafka: Kafka;
/** The stack's sinks: SMTP, then the mail UI (MailDev's API), then SMS. */
const MAIL_SMTP_PORT = 1425;
const MAIL_UI_PORT = MAIL_SMTP_PORT + 1;

beforeAll(async () => {
  stack = await RealStack.start({
    basePort: 3400,
    sinkBasePort: MAIL_SMTP_PORT,
    databasePrefix: 'meldpunt_e2r_',
    kafkaGroupPrefix: 'e2r.',
    redisDatabase: 12,
    inheritedEnv: process.env,
  });
  browser = await launchChromium();
  kafka = new Kafka({ clientId: 'e2r-test', brokers: [KAFKA], logLevel: logLevel.NOTHING });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 120_000);

describe('a CLB doctor on the real stack', () => {
  let schoolContext: BrowserContext;
  let school: ApiSession;
  let schoolId: string;
  let classId: string;
  let indexPupilId: string;
  let doctorContext: BrowserContext;
  let page: Page;
  let reference: string;
  let caseId: string;
  let decided: DecidedPayload;

  beforeAll(async () => {
    schoolContext = await browser.newContext();
    school = await stack.logIn(schoolContext, 'school@meldpunt.test');
    schoolId = school.user.schoolIds[0] ?? '';
    doctorContext = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'nl-BE',
      timezoneId: 'Europe/Brussels',
    });
    page = await doctorContext.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => {
      throw error;
    });
  });

  afterAll(async () => {
    await doctorContext?.close();
    await schoolContext?.close();
  });

  it('the school sends its roster through the JSON roster API', async () => {
    // The demo seed imports a roster at start; ours replaces it, so it must come after.
    await stack.eventually('the demo roster import to finish', async () => {
      const { body } = await stack.call<{ items: { status: string }[] }>(
        school,
        'GET',
        `/api/intake/v1/schools/${schoolId}/roster-imports`,
      );
      return body.items.every((item) => ['applied', 'rejected', 'failed'].includes(item.status))
        ? true
        : null;
    });
    const roster = {
      schoolYear: schoolYear(),
      pupils: PUPILS.map(([pupilNumber, firstName, lastName], index) => ({
        pupilNumber,
        firstName,
        lastName,
        birthDate: `2018-0${(index % 9) + 1}-1${index}`,
        className: CLASS,
        guardians: [
          {
            name: `Ouder ${lastName}`,
            language: 'nl',
            email: `ouder.${pupilNumber.toLowerCase()}@example.be`,
          },
        ],
      })),
      staff: [{ staffNumber: TEACHER[0], firstName: TEACHER[1], lastName: TEACHER[2], classes: [CLASS] }],
    };
    const accepted = await stack.call<{ importId: string }>(
      school,
      'POST',
      `/api/intake/v1/schools/${schoolId}/roster-imports`,
      roster,
    );
    expect(accepted.status).toBe(202);
    const applied = await stack.eventually('the roster import', async () => {
      const { body } = await stack.call<{ status: string; errors: unknown[] }>(
        school,
        'GET',
        `/api/intake/v1/roster-imports/${accepted.body.importId}`,
      );
      if (body.status === 'rejected' || body.status === 'failed') throw new Error(JSON.stringify(body));
      return body.status === 'applied' ? body : null;
    });
    expect(applied.status).toBe('applied');
    const groups = await stack.call<{ items: { id: string; name: string; kind: string }[] }>(
      school,
      'GET',
      `/api/intake/v1/schools/${schoolId}/groups`,
    );
    classId = groups.body.items.find((group) => group.kind === 'class' && group.name === CLASS)?.id ?? '';
    const pupils = await stack.call<{ items: { id: string; pupilNumber: string }[] }>(
      school,
      'GET',
      `/api/intake/v1/schools/${schoolId}/pupils?search=${PUPILS[0][0]}`,
    );
    indexPupilId = pupils.body.items.find((pupil) => pupil.pupilNumber === PUPILS[0][0])?.id ?? '';
    expect(classId).not.toBe('');
    expect(indexPupilId).not.toBe('');
  }, 120_000);

  it('the doctor opens the queue and sees the new case appear without a reload', async () => {
    await page.goto(stack.consoleUrl);
    await page.getByTestId('login-email').fill('arts@meldpunt.test');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav').getByRole('link', { name: 'Risicowachtrij' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risicowachtrij' }).waitFor();
    await page.locator('[data-testid="queue-live"][data-state="live"]').waitFor();
    await page.evaluate('window.__sameDocument = true');

    const filed = await stack.call<{ reference: string }>(school, 'POST', '/api/intake/v1/meldingen', {
      schoolId,
      subject: { kind: 'pupil', rosterId: indexPupilId },
      disease: 'measles',
      onsetDate: brusselsDay(-1),
      test: null,
      lastDayPresent: brusselsDay(0),
      groupIds: [classId],
      activities: [],
      contactPerson: { name: 'Directie De Regenboog', phone: '09 123 45 67', email: 'school@meldpunt.test' },
    });
    expect(filed.status).toBe(202);
    reference = filed.body.reference;

    const row = page.locator(`[data-testid="queue-row"][data-reference="${reference}"]`);
    await row.waitFor({ timeout: 120_000 });
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    expect(await row.getByTestId('queue-open').textContent()).toBe('Mazelen');
    expect(await row.getByTestId('queue-waiting').textContent()).toMatch(/^wacht /);
    caseId = (await row.getAttribute('data-case-id')) ?? '';
  }, 180_000);

  it('opens the case: the class as contacts, with the proposal and its rule', async () => {
    await page
      .locator(`[data-testid="queue-row"][data-reference="${reference}"]`)
      .getByTestId('queue-open')
      .click();
    await page.getByRole('heading', { level: 1, name: `Mazelen — dossier ${reference}` }).waitFor();
    await page.locator('[data-testid="case-live"][data-state="live"]').waitFor();
    // Five classmates and the teacher; the roster may reach risk-assessment just after the melding (live update).
    const rows = page.getByTestId('contact-row');
    try {
      // On a shared broker the first run of a consumer group works through the topics' history first: be patient.
      await stack.eventually(
        'six contacts on the case page',
        async () => ((await rows.count()) === 6 ? true : null),
        150_000,
      );
    } catch (error) {
      // Say what the case has instead (exposures, contacts), from the API the page reads.
      const detail = await page.request.get(`${stack.consoleUrl}/api/risk-assessment/v1/cases/${caseId}`);
      const body = (await detail.json()) as { exposures?: unknown; contacts?: { contactType: string }[] };
      await page.screenshot({ path: '/tmp/e2e-risk-case-failed.png', fullPage: true });
      throw new Error(
        `${String(error).slice(0, 300)}\nrows: ${await rows.count()}; exposures: ${JSON.stringify(body.exposures)}; ` +
          `contacts: ${JSON.stringify(body.contacts?.map((contact) => contact.contactType))}`,
      );
    }
    expect(await page.getByTestId('exposure-row').first().textContent()).toContain(CLASS);
    for (const rule of await page.getByTestId('contact-rule').allTextContents())
      expect(rule).toMatch(/^Regel: .+/);
    // risk-assessment holds refs only; the page asks intake (scoped to the doctor's CLB) who they are.
    const served = await (
      await page.request.get(`${stack.consoleUrl}/api/risk-assessment/v1/cases/${caseId}`)
    ).text();
    for (const name of NAMES) expect(served).not.toContain(name);
    await stack.eventually(
      'the contacts’ names from intake',
      async () => ((await page.getByTestId('contact-name').count()) === 6 ? true : null),
      20_000,
    );
    const fullNames = [...PUPILS.map(([, first, last]) => `${first} ${last}`), `${TEACHER[1]} ${TEACHER[2]}`];
    const shown = await page.getByTestId('contact-name').allTextContents();
    for (const name of shown) expect(fullNames).toContain(name);
    expect(shown).toContain(`${TEACHER[1]} ${TEACHER[2]}`);
  }, 210_000);

  it('selects several contacts and reclassifies them with a reason', async () => {
    const pupils = page.locator('[data-testid="contact-row"]').filter({ hasText: 'Leerling' });
    const chosen = [pupils.nth(0), pupils.nth(1), pupils.nth(2)];
    const refs = await Promise.all(chosen.map((row) => row.getAttribute('data-ref')));
    for (const row of chosen) await row.getByTestId('contact-select').check();
    expect(await page.getByTestId('bulk-selected-count').textContent()).toBe('3 contacten geselecteerd.');
    await page.getByTestId('bulk-risk-low').check();
    await page.getByTestId('bulk-submit').click();
    await page.getByTestId('field-error-reason').waitFor();
    await page.getByTestId('bulk-reason').fill(REASON);
    await page.getByTestId('bulk-submit').click();
    await page
      .getByTestId('case-action-notice')
      .filter({ hasText: '3 contacten hebben nu Laag risico.' })
      .waitFor();
    for (const ref of refs) {
      const row = page.locator(`[data-testid="contact-row"][data-ref="${ref}"]`);
      expect(await row.getByTestId('contact-risk').textContent()).toBe('Laag risico');
      expect(await row.getByTestId('contact-override').textContent()).toContain(REASON);
    }
  }, 60_000);

  it('approves: risk.measures.decided.v1 leaves with the overrides and without a name', async () => {
    const consumer: Consumer = kafka.consumer({ groupId: `e2r-watch-${randomUUID()}` });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: DECIDED_TOPIC, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? ''),
    });
    try {
      await new Promise((r) => setTimeout(r, 3_000)); // let the watcher join before acting
      await page.getByTestId('case-approve').click();
      await page.getByTestId('case-approve-confirm').click();
      await page.getByTestId('case-action-notice').filter({ hasText: 'Versie 1 is goedgekeurd.' }).waitFor();
      expect(await page.getByTestId('case-decision-version').getAttribute('data-version')).toBe('1');
      const raw = await stack.eventually(
        'the decision event',
        async () => seen.find((value) => value.includes(caseId)) ?? null,
      );
      for (const name of NAMES) expect(raw).not.toContain(name);
      decided = (JSON.parse(raw) as { payload: DecidedPayload }).payload;
      expect(decided.decisionVersion).toBe(1);
      expect(decided.contacts).toHaveLength(6);
      expect(decided.contacts.filter((contact) => contact.risk === 'low')).toHaveLength(3);
    } finally {
      await consumer.disconnect();
    }
  }, 90_000);

  it('shows the letter statuses the real communication service reports, as they arrive', async () => {
    // communication, running in this stack, sends the letters (the stack's mail sink) and reports back.
    const lettered = decided.contacts.filter((contact) => contact.letterKind !== null);
    const pupils = lettered.filter((contact) => contact.contactKind === 'pupil').map((c) => c.contactRef);
    const staff = lettered.filter((contact) => contact.contactKind === 'staff').map((c) => c.contactRef);
    expect(pupils.length).toBeGreaterThanOrEqual(3);
    const row = (ref: string, state: string) =>
      page.locator(`[data-testid="contact-row"][data-ref="${ref}"][data-letter="${state}"]`);
    for (const ref of pupils) await row(ref, 'delivered').waitFor({ timeout: 60_000 });
    // A teacher has no guardian: communication says unreachable, and the page lists whom to call.
    for (const ref of staff) await row(ref, 'unreachable').waitFor({ timeout: 60_000 });
    const status = (ref: string) =>
      page.locator(`[data-testid="contact-row"][data-ref="${ref}"] [data-testid="contact-letter-status"]`);
    expect(await status(pupils[0] ?? '').textContent()).toBe('Bezorgd');
    if (staff.length > 0) {
      expect(await status(staff[0] ?? '').textContent()).toBe('Niet bereikbaar');
      await page.getByTestId('case-letters-call').waitFor();
    }
    expect(await page.evaluate('window.__sameDocument')).toBe(true);

    // The guardians' letters are in the mail sink, one per guardian, addressed as the roster says.
    const mails = (await (await fetch(`http://127.0.0.1:${MAIL_UI_PORT}/api/email`)).json()) as {
      to: { address: string }[];
    }[];
    const addresses = mails.flatMap((mail) => mail.to.map((to) => to.address));
    expect(addresses.filter((address) => /^ouder\.e2r-\d{3}@example\.be$/.test(address)).length).toBe(
      pupils.length,
    );
    await page.screenshot({ path: '/tmp/e2e-risk-case.png', fullPage: true });
  }, 90_000);

  it('gives the school the anonymised class notice: the class, counts and measures, no name', async () => {
    const schoolPage = await schoolContext.newPage();
    schoolPage.setDefaultTimeout(30_000);
    try {
      const highPupils = decided.contacts.filter(
        (contact) => contact.contactKind === 'pupil' && contact.risk === 'high',
      ).length;
      // communication issues the notice when it handles the decision; intake shows it to the school.
      await stack.eventually('the class notice at intake', async () => {
        const { body } = await stack.call<{ items: { caseId: string }[] }>(
          school,
          'GET',
          '/api/intake/v1/school-notices',
        );
        return body.items.some((item) => item.caseId === caseId) ? true : null;
      });
      await schoolPage.goto(`${stack.consoleUrl}/berichten`);
      const notice = schoolPage.getByTestId('notice').first();
      await notice.getByTestId('notice-class').filter({ hasText: CLASS }).waitFor();
      const high = notice.locator('[data-testid="notice-group"][data-risk="high"]').first();
      expect(await high.textContent()).toContain(`${highPupils} leerling`);
      expect(await high.textContent()).toMatch(
        /Quarantaine|Schoolverbod|Symptomen|Test|Chemoprofylaxe|Vaccinatie/,
      );
      const text = (await schoolPage.locator('main').textContent()) ?? '';
      for (const name of NAMES) expect(text).not.toContain(name);
    } finally {
      await schoolPage.close();
    }
  }, 90_000);
});
