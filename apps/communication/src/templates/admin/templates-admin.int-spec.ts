import { randomUUID } from 'node:crypto';
import type { Principal } from '@meldpunt/auth';
import { SmtpSink, TestHarness, waitFor } from '@meldpunt/testing';
import { testSealKeys } from '../../contacts/test-fixtures/contact-sealing';
import {
  startCommunicationTestApp,
  type CommunicationTestApp,
} from '../../letters/test-fixtures/communication-test-app';
import { SmsSinkProcess } from '../../letters/test-fixtures/sms-sink-process';
import { CATALOGS, DUTCH_CATALOG } from '../catalogs';
import { LETTER_RENDERING, type LetterInput, type LetterRendering } from '../letter-renderer.types';
import type {
  LanguageTemplatesDto,
  TemplatePreviewDto,
  TemplatesOverviewDto,
} from './dto/template-responses.dto';

/**
 * The template admin API on the real communication service (Postgres, Redis, Kafka, SMTP and SMS sinks): an
 * admin's override is what letters say from then on (and a reset takes it back), drafts only change the preview,
 * bad texts get Dutch field errors, versions guard against lost updates, test-sends reach the sinks, and only
 * admins get in.
 */
jest.setTimeout(120_000);

const admin: Principal = { userId: 'admin-1', role: 'admin', clbIds: [], schoolIds: [] };
const doctor: Principal = { userId: 'doctor-1', role: 'doctor', clbIds: [randomUUID()], schoolIds: [] };

const arabicLetter = (): LetterInput => ({
  kind: 'high-risk',
  disease: 'measles',
  language: 'ar',
  guardianName: 'Fatima El Amrani',
  schoolName: 'Basisschool De Regenboog',
  clbName: 'Vrij CLB Antwerpen',
  children: [{ firstName: 'Yasmine', lastName: 'El Amrani', measures: [], changed: false }],
  isUpdate: false,
  letterUrl: 'https://meldpunt.example/l/1',
  letterId: 'int-1',
});

describe('template admin (real service)', () => {
  let harness: TestHarness;
  let smtp: SmtpSink;
  let sms: SmsSinkProcess;
  let app: CommunicationTestApp;
  let renderer: LetterRendering;

  beforeAll(async () => {
    harness = await TestHarness.start();
    smtp = await SmtpSink.start();
    sms = await SmsSinkProcess.start();
    app = await startCommunicationTestApp(harness, {
      sealKeys: await testSealKeys('test-key'),
      smtpUrl: smtp.url,
      smsProviderUrl: sms.url,
    });
    renderer = app.app.get<LetterRendering>(LETTER_RENDERING);
  });

  afterAll(async () => {
    await app?.close();
    await sms?.stop();
    await smtp?.close();
    await harness?.cleanup();
  });

  it('is for admins only', async () => {
    expect((await app.call(doctor, 'GET', '/v1/templates')).status).toBe(403);
    expect((await app.call(doctor, 'PUT', '/v1/templates/nl/greeting', { text: 'Dag {name},' })).status).toBe(
      403,
    );
    expect((await app.call(null, 'POST', '/v1/templates/preview', {})).status).toBe(401);
  });

  it('lists languages, kinds, diseases and per language the keys that fall back to Dutch', async () => {
    const { status, body } = await app.call(admin, 'GET', '/v1/templates');
    expect(status).toBe(200);
    const overview = body as TemplatesOverviewDto;
    expect(overview.languages).toEqual(['nl', 'fr', 'de', 'en', 'ar', 'tr', 'pl', 'ro', 'bg', 'uk']);
    expect(overview.kinds).toContain('staff-page');
    expect(overview.diseases).toContain('measles');
    const nl = overview.coverage.find((c) => c.language === 'nl');
    expect(nl?.missingKeys).toEqual([]);
    for (const c of overview.coverage)
      expect(c.missingKeys).toEqual(
        Object.keys(DUTCH_CATALOG).filter(
          (key) =>
            CATALOGS[c.language as keyof typeof CATALOGS][key as keyof typeof DUTCH_CATALOG] === undefined,
        ),
      );
  });

  it('refuses bad texts with Dutch field errors and changes nothing', async () => {
    const unknown = await app.call(admin, 'PUT', '/v1/templates/ar/intro.high-risk', {
      text: 'نص مع {naam} و {children}',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      message: 'De invoer is ongeldig.',
      fields: [
        {
          field: 'text',
          messages: ['text Onbekende plaatshouder: {naam}. Toegestaan: {children}, {school}, {disease}.'],
        },
      ],
    });
    const html = await app.call(admin, 'PUT', '/v1/templates/ar/greeting', { text: '<b>{name}</b>' });
    expect(html.status).toBe(400);
    expect(JSON.stringify(html.body)).toContain('geen HTML');
    const key = await app.call(admin, 'PUT', '/v1/templates/ar/no.such.key', { text: 'x' });
    expect(key.body).toMatchObject({ fields: [{ field: 'key' }] });
    const language = await app.call(admin, 'PUT', '/v1/templates/xx/greeting', { text: 'x' });
    expect(language.body).toMatchObject({ fields: [{ field: 'language' }] });
    const missing = await app.call(admin, 'PUT', '/v1/templates/ar/greeting', {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ fields: [{ field: 'text', messages: ['text Vul een tekst in.'] }] });
    const rows = await app.dataSource.query<unknown[]>('SELECT 1 FROM template_override');
    expect(rows).toHaveLength(0);
  });

  it('an override is what letters say (audited, versioned), a reset takes it back', async () => {
    const text = 'نص تجريبي للإدارة: {children} في {school} ({disease}).';
    const saved = await app.call(admin, 'PUT', '/v1/templates/ar/intro.high-risk', {
      text,
      expectedVersion: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ key: 'intro.high-risk', text, source: 'override', version: 1 });

    const letter = await renderer.render(arabicLetter());
    expect(letter.direction).toBe('rtl');
    expect(letter.text).toContain('نص تجريبي للإدارة: Yasmine في Basisschool De Regenboog');

    // A second editor who still had the catalog text open loses: 409 with the current version.
    const stale = await app.call(admin, 'PUT', '/v1/templates/ar/intro.high-risk', {
      text: 'نص آخر {children}',
      expectedVersion: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 1 });
    expect((stale.body as { message: string }).message).toContain('Iemand anders heeft deze tekst');

    const listed = (await app.call(admin, 'GET', '/v1/templates/ar')).body as LanguageTemplatesDto;
    expect(listed.direction).toBe('rtl');
    expect(listed.entries.find((e) => e.key === 'intro.high-risk')).toMatchObject({
      source: 'override',
      text,
      nl: DUTCH_CATALOG['intro.high-risk'],
      placeholders: ['children', 'school', 'disease'],
      version: 1,
      updatedBy: 'admin-1',
    });
    const coverage = (await app.call(admin, 'GET', '/v1/templates')).body as TemplatesOverviewDto;
    expect(coverage.coverage.find((c) => c.language === 'ar')?.overriddenKeys).toEqual(['intro.high-risk']);

    expect((await app.call(admin, 'DELETE', '/v1/templates/ar/intro.high-risk')).body).toMatchObject({
      source: 'catalog',
      text: CATALOGS.ar['intro.high-risk'],
      version: 0,
    });
    expect((await renderer.render(arabicLetter())).text).not.toContain('نص تجريبي للإدارة');
    expect((await app.call(admin, 'DELETE', '/v1/templates/ar/intro.high-risk')).status).toBe(404);

    // Saving again continues the count (an old version number can never match again).
    const again = await app.call(admin, 'PUT', '/v1/templates/ar/intro.high-risk', {
      text,
      expectedVersion: 0,
    });
    expect(again.body).toMatchObject({ version: 2 });
    await app.call(admin, 'DELETE', '/v1/templates/ar/intro.high-risk');
    const history = await app.dataSource.query<{ action: string; version: number; changed_by: string }[]>(
      `SELECT action, version, changed_by FROM template_override_history WHERE language = 'ar' ORDER BY changed_at, version, action DESC`,
    );
    expect(history).toEqual([
      { action: 'saved', version: 1, changed_by: 'admin-1' },
      { action: 'reset', version: 1, changed_by: 'admin-1' },
      { action: 'saved', version: 2, changed_by: 'admin-1' },
      { action: 'reset', version: 2, changed_by: 'admin-1' },
    ]);
  });

  it('previews the sample letter in Arabic (RTL) with a draft applied, without saving it', async () => {
    const { status, body } = await app.call(admin, 'POST', '/v1/templates/preview', {
      kind: 'high-risk',
      disease: 'measles',
      language: 'ar',
      channel: 'email',
      draft: { greeting: 'مرحبا {name}، هذه مسودة' },
    });
    expect(status).toBe(200);
    const preview = body as TemplatePreviewDto;
    expect(preview).toMatchObject({ language: 'ar', direction: 'rtl', fellBack: false });
    expect(preview.html).toContain('dir="rtl"');
    expect(preview.html).toContain('مرحبا Sofie Peeters، هذه مسودة');
    expect(preview.text).toContain('Lotte');
    expect(preview.sms.encoding).toBe('UCS-2');
    expect(preview.sms.segments).toBeGreaterThan(0);
    expect(
      Buffer.from(preview.pdfBase64 ?? '', 'base64')
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const entries = ((await app.call(admin, 'GET', '/v1/templates/ar')).body as LanguageTemplatesDto).entries;
    expect(entries.find((e) => e.key === 'greeting')?.source).toBe('catalog');

    const sms = (
      await app.call(admin, 'POST', '/v1/templates/preview', {
        kind: 'low-risk',
        disease: 'mumps',
        language: 'nl',
        channel: 'sms',
      })
    ).body as TemplatePreviewDto;
    expect(sms.sms.encoding).toBe('GSM-7');
    expect(sms.sms.segments).toBeGreaterThan(0);
    expect(sms.pdfBase64).toBeUndefined();

    const bad = await app.call(admin, 'POST', '/v1/templates/preview', {
      kind: 'nope',
      disease: 'measles',
      language: 'ar',
      channel: 'email',
      draft: { greeting: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ fields: [{ field: 'kind' }] });
    const badDraft = await app.call(admin, 'POST', '/v1/templates/preview', {
      kind: 'high-risk',
      disease: 'measles',
      language: 'ar',
      channel: 'email',
      draft: { greeting: '{wie}', 'no.key': 'x' },
    });
    expect(badDraft.status).toBe(400);
    expect((badDraft.body as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
      'draft.greeting',
      'draft.no.key',
    ]);
  });

  it('test-sends the sample letter by e-mail and SMS through the real adapters, marked as a test', async () => {
    const to = `beheer-${randomUUID().slice(0, 8)}@example.be`;
    const mail = await app.call(admin, 'POST', '/v1/templates/test-send', {
      kind: 'high-risk',
      disease: 'measles',
      language: 'nl',
      channel: 'email',
      to,
    });
    expect(mail.status).toBe(202);
    await waitFor(() => smtp.to(to).length === 1, { timeoutMs: 10_000, description: 'the test e-mail' });
    const data = smtp.to(to)[0]?.data ?? '';
    expect(data).toMatch(/^Subject: \[TEST\] Belangrijk: maatregelen voor Lotte en Vic/m);
    expect(data).toContain('application/pdf');

    const mobile = `+3247${String(Date.now()).slice(-7)}`;
    const text = await app.call(admin, 'POST', '/v1/templates/test-send', {
      kind: 'low-risk',
      disease: 'mumps',
      language: 'fr',
      channel: 'sms',
      to: mobile,
    });
    expect(text.status).toBe(202);
    const received = (await sms.messages()).filter((m) => m.to === mobile);
    expect(received).toHaveLength(1);
    expect(received[0]?.body).toMatch(/^\[TEST\] Vrij CLB Antwerpen/);

    const wrong = await app.call(admin, 'POST', '/v1/templates/test-send', {
      kind: 'low-risk',
      disease: 'mumps',
      language: 'fr',
      channel: 'sms',
      to: '0470 12 34 56',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      fields: [{ field: 'to', messages: [expect.stringContaining('+32')] }],
    });
    const rows = await app.dataSource.query<unknown[]>('SELECT 1 FROM letter_message');
    expect(rows).toHaveLength(0);
  });
});
