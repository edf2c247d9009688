// Test double of the communication service's template admin API (only that: campaigns and dead letters are in
// fake-communication.ts) on node:http: verifies the console's bearer token
// like the real service (ServiceTokenVerifier, audience "communication"), admits admins only, and answers in the
// shapes of apps/communication/src/templates/admin/dto/template-responses.dto.ts from a small in-memory catalog
// (Dutch and Arabic, Arabic missing one key). The preview is a minimal letter with the same dir/lang markup as
// the real renderer. When that API changes, change this file with it: the console's tests trust it.
import { FakeService, type FakeCall } from './fake-service';

const LANGUAGES = ['nl', 'fr', 'de', 'en', 'ar', 'tr', 'pl', 'ro', 'bg', 'uk'];
const KINDS = ['high-risk', 'low-risk', 'school-notice', 'information', 'staff-page'];
const DISEASES = ['covid-19', 'mumps', 'measles', 'meningococcal', 'pertussis', 'scarlet-fever', 'other'];

const CATALOG: Record<string, Record<string, string>> = {
  nl: {
    'subject.high-risk': 'Belangrijk: maatregelen voor {children} na een geval van {disease}',
    greeting: 'Beste {name},',
    'intro.high-risk': '{children} had op {school} nauw contact met iemand met {disease}.',
    'disease.measles.name': 'mazelen',
    closing: 'Met vriendelijke groeten,',
  },
  ar: {
    'subject.high-risk': 'هام: إجراءات خاصة بـ {children} بعد حالة {disease}',
    greeting: 'عزيزي/عزيزتي {name}،',
    'intro.high-risk': 'كان {children} على اتصال وثيق في {school} بشخص مصاب بـ {disease}.',
    'disease.measles.name': 'الحصبة',
  },
};
const KEYS = Object.keys(CATALOG.nl ?? {});
const SAMPLE: Record<string, string> = {
  name: 'Sofie Peeters',
  children: 'Lotte en Vic',
  school: 'Basisschool De Regenboog',
};

interface Override {
  text: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

const placeholders = (text: string): string[] => [
  ...new Set([...text.matchAll(/\{([a-z]+)\}/gi)].map((m) => m[1] as string)),
];
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class FakeTemplates extends FakeService {
  readonly overrides = new Map<string, Override>();
  readonly previews: { language: string; draft: Record<string, string> | undefined }[] = [];
  readonly testSends: { channel: string; to: string; language: string }[] = [];

  private constructor(publicKey: string) {
    super(publicKey, 'communication');
  }

  static async start(publicKey: string): Promise<FakeTemplates> {
    return new FakeTemplates(publicKey).listen();
  }

  private text(language: string, key: string): { text: string; source: string } {
    const own = this.overrides.get(`${language}/${key}`);
    if (own) return { text: own.text, source: 'override' };
    const catalog = CATALOG[language]?.[key];
    if (catalog !== undefined) return { text: catalog, source: 'catalog' };
    return { text: this.overrides.get(`nl/${key}`)?.text ?? CATALOG.nl?.[key] ?? key, source: 'fallback-nl' };
  }

  private entry(language: string, key: string): Record<string, unknown> {
    const own = this.overrides.get(`${language}/${key}`);
    const nl = this.text('nl', key).text;
    return {
      key,
      ...this.text(language, key),
      nl,
      placeholders: placeholders(CATALOG.nl?.[key] ?? ''),
      version: own?.version ?? 0,
      updatedBy: own?.updatedBy ?? null,
      updatedAt: own?.updatedAt ?? null,
    };
  }

  private preview(body: Record<string, unknown>): Record<string, unknown> {
    const language = String(body.language);
    const draft = body.draft as Record<string, string> | undefined;
    this.previews.push({ language, draft });
    const direction = language === 'ar' ? 'rtl' : 'ltr';
    let fellBack = false;
    const say = (key: string): string => {
      const found = this.text(language, key);
      if (found.source === 'fallback-nl' && draft?.[key] === undefined) fellBack = true;
      const text = draft?.[key] ?? found.text;
      const values = { ...SAMPLE, disease: this.text(language, 'disease.measles.name').text };
      return text.replace(
        /\{([a-z]+)\}/gi,
        (whole, name: string) => values[name as keyof typeof values] ?? whole,
      );
    };
    const subject = say('subject.high-risk');
    const lines = ['greeting', 'intro.high-risk', 'closing'].map(say);
    const html =
      `<!doctype html><html lang="${language}" dir="${direction}"><body>` +
      `<div dir="${direction}" lang="${language}">${lines.map((line) => `<p>${escape(line)}</p>`).join('')}</div>` +
      `</body></html>`;
    return {
      subject,
      html,
      text: lines.join('\n\n'),
      sms: { body: `${lines[1] ?? ''} https://meldpunt.example/b/voorbeeld`, encoding: 'UCS-2', segments: 2 },
      direction,
      language,
      fellBack,
    };
  }

  protected async serve({ request, response, url, body: raw, principal }: FakeCall): Promise<void> {
    const send = (status: number, payload?: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload ?? null));
    };
    if (!principal) return send(401, { statusCode: 401, message: 'Aanmelden is vereist.' });
    if (principal.role !== 'admin') return send(403, { statusCode: 403, message: 'Alleen voor beheerders.' });
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const path = url.pathname;
    const method = request.method ?? 'GET';
    if (method === 'GET' && path === '/v1/templates') {
      return send(200, {
        languages: LANGUAGES,
        kinds: KINDS,
        diseases: DISEASES,
        coverage: LANGUAGES.map((language) => ({
          language,
          missingKeys: KEYS.filter((key) => this.text(language, key).source === 'fallback-nl'),
          overriddenKeys: KEYS.filter((key) => this.overrides.has(`${language}/${key}`)),
        })),
      });
    }
    if (method === 'POST' && path === '/v1/templates/preview') return send(200, this.preview(body));
    if (method === 'POST' && path === '/v1/templates/test-send') {
      this.testSends.push({
        channel: String(body.channel),
        to: String(body.to),
        language: String(body.language),
      });
      return send(202, { channel: body.channel, to: body.to, reference: '[TEST] voorbeeld' });
    }
    const one = /^\/v1\/templates\/([a-z]{2})$/.exec(path);
    if (method === 'GET' && one?.[1]) {
      const language = one[1];
      return send(200, {
        language,
        direction: language === 'ar' ? 'rtl' : 'ltr',
        entries: KEYS.map((key) => this.entry(language, key)),
      });
    }
    const keyed = /^\/v1\/templates\/([a-z]{2})\/([^/]+)$/.exec(path);
    const language = keyed?.[1] ?? '';
    const key = decodeURIComponent(keyed?.[2] ?? '');
    if (keyed && method === 'PUT') {
      const text = typeof body.text === 'string' ? body.text : '';
      const allowed = placeholders(CATALOG.nl?.[key] ?? '');
      const unknown = placeholders(text).filter((name) => !allowed.includes(name));
      if (unknown.length > 0)
        return send(400, {
          statusCode: 400,
          message: 'De invoer is ongeldig.',
          fields: [{ field: 'text', messages: [`text Onbekende plaatshouder: {${unknown.join('}, {')}}.`] }],
        });
      const current = this.overrides.get(`${language}/${key}`);
      if (body.expectedVersion !== undefined && body.expectedVersion !== (current?.version ?? 0))
        return send(409, {
          statusCode: 409,
          message: 'Iemand anders heeft deze tekst intussen gewijzigd.',
          currentVersion: current?.version ?? 0,
        });
      this.overrides.set(`${language}/${key}`, {
        text,
        version: (current?.version ?? 0) + 1,
        updatedBy: principal.userId,
        updatedAt: new Date().toISOString(),
      });
      return send(200, this.entry(language, key));
    }
    if (keyed && method === 'DELETE') {
      if (!this.overrides.delete(`${language}/${key}`))
        return send(404, { statusCode: 404, message: 'Geen eigen tekst.' });
      return send(200, this.entry(language, key));
    }
    return send(404, { statusCode: 404, message: 'Not Found' });
  }
}
