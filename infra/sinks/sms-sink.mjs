#!/usr/bin/env node
// Development SMS sink: a stand-in for a real SMS provider's HTTP API, so the app's provider adapter
// talks real HTTP in development and tests. Dependency-free (node:http only), in-memory, foreground.
//
//   POST   /messages        {"to":"+32470123456","body":"...","reference":"..."} -> 202 {"id","status":"queued"}
//                           400 {"error":"validation_failed","fields":{...}} when invalid
//   GET    /messages        JSON array, newest first (filters: ?to=&reference=&limit=)
//   GET    /messages/:id    one message, 404 when unknown
//   DELETE /messages        clears everything -> 204
//   GET    /                HTML page "Verzonden sms-berichten"
//   GET    /health          {"status":"ok","messages":N}
//   PUT    /outcomes/:to    {"status":"bounced"|"failed"|"delivered","reason"?} what the delivery report for that
//                           number says from now on (test hook; default: delivered) -> 204
//   DELETE /outcomes        forgets every outcome -> 204
//
// Delivery reports: when SMS_REPORT_WEBHOOK_URL is set, every accepted message is reported back to it
// SMS_REPORT_DELAY_MS (300) later, like a real provider: POST {"reports":[{providerMessageId,status,at,reason?}]}
// signed with SMS_REPORT_WEBHOOK_SECRET (the communication service's PROVIDER_WEBHOOK_SECRET; its development
// default when unset): X-Meldpunt-Timestamp (Unix seconds) and X-Meldpunt-Signature
// `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. A non-2xx answer is retried 5 times (backoff).
//
// Env: SMS_SINK_PORT (1090), SMS_SINK_HOST (127.0.0.1), SMS_SINK_API_KEY (when set, POST/DELETE need
// "Authorization: Bearer <key>"). Test hook: request header "x-sms-sink-fail: 503" (any 4xx/5xx) makes
// POST /messages answer with that status without storing, to exercise the adapter's error handling.
// Stops on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import { createHmac, randomUUID } from 'node:crypto';

const PORT = Number(process.env.SMS_SINK_PORT ?? 1090);
const HOST = process.env.SMS_SINK_HOST ?? '127.0.0.1';
const API_KEY = process.env.SMS_SINK_API_KEY ?? '';
const MAX_MESSAGES = 5000;
const MAX_BODY_CHARS = 1600;
const MAX_REQUEST_BYTES = 64 * 1024;
const E164 = /^\+[1-9]\d{1,14}$/;
const REPORT_URL = process.env.SMS_REPORT_WEBHOOK_URL ?? '';
const REPORT_SECRET = process.env.SMS_REPORT_WEBHOOK_SECRET || 'meldpunt-development-provider-webhook-secret';
const REPORT_DELAY_MS = Number(process.env.SMS_REPORT_DELAY_MS ?? 300);
const REPORT_ATTEMPTS = 5;
const OUTCOMES = new Set(['delivered', 'bounced', 'failed']);

/** @type {Map<string, {status: string, reason?: string}>} per number: what its delivery reports say */
const outcomes = new Map();

/** @type {Array<{id:string,to:string,body:string,reference:string|null,status:string,segments:number,encoding:string,receivedAt:string}>} newest first */
let messages = [];

const log = (msg) => console.log(`[sms-sink] ${msg}`);

function send(res, status, payload, headers = {}) {
  if (payload === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const isHtml = typeof payload === 'string';
  const body = isHtml ? payload : JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// GSM-7 basic charset (+ extension table counted as 2 septets); anything else means UCS-2.
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXT = new Set('^{}\\[~]|€\f');
function segmentInfo(text) {
  let septets = 0;
  for (const ch of text) {
    if (GSM7.has(ch)) septets += 1;
    else if (GSM7_EXT.has(ch)) septets += 2;
    else {
      const units = [...text].length;
      return { encoding: 'UCS-2', segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: 'GSM-7', segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

function validate(input) {
  const fields = {};
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { request: 'request body must be a JSON object' };
  }
  const { to, body, reference } = input;
  if (typeof to !== 'string' || !E164.test(to)) {
    fields.to = 'must be a phone number in E.164 format, e.g. +32470123456';
  }
  if (typeof body !== 'string' || body.trim().length === 0) {
    fields.body = 'must be a non-empty string';
  } else if ([...body].length > MAX_BODY_CHARS) {
    fields.body = `must be at most ${MAX_BODY_CHARS} characters`;
  }
  if (
    reference !== undefined &&
    reference !== null &&
    (typeof reference !== 'string' || reference.length > 256)
  ) {
    fields.reference = 'must be a string of at most 256 characters';
  }
  return Object.keys(fields).length ? fields : null;
}

async function postReport(message, outcome) {
  const report = {
    providerMessageId: message.id,
    status: outcome.status,
    at: new Date().toISOString(),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
  };
  const body = JSON.stringify({ reports: [report] });
  for (let attempt = 1; attempt <= REPORT_ATTEMPTS; attempt += 1) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', REPORT_SECRET).update(`${timestamp}.`).update(body).digest('hex');
    try {
      const response = await fetch(REPORT_URL, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-meldpunt-timestamp': timestamp,
          'x-meldpunt-signature': `sha256=${signature}`,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) {
        message.status = outcome.status;
        message.reportedAt = report.at;
        log(`reported ${message.id} ${outcome.status} (${response.status})`);
        return;
      }
      log(`report of ${message.id} answered ${response.status} (attempt ${attempt})`);
    } catch (err) {
      log(`report of ${message.id} failed: ${err?.message ?? err} (attempt ${attempt})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 1)));
  }
  message.status = 'report-failed';
}

function scheduleReport(message) {
  if (!REPORT_URL) return;
  const outcome = outcomes.get(message.to) ?? { status: 'delivered' };
  setTimeout(() => {
    postReport(message, outcome).catch((err) => log(`report error: ${err?.stack ?? err}`));
  }, REPORT_DELAY_MS);
}

function authorized(req) {
  return !API_KEY || req.headers.authorization === `Bearer ${API_KEY}`;
}

const escapeHtml = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function page() {
  const rows = messages
    .map(
      (m) => `<tr>
  <td>${escapeHtml(new Date(m.receivedAt).toLocaleString('nl-BE', { timeZone: 'Europe/Brussels' }))}</td>
  <td class="nr">${escapeHtml(m.to)}</td>
  <td class="body">${escapeHtml(m.body)}</td>
  <td>${m.segments} (${m.encoding})</td>
  <td>${escapeHtml(m.status)}</td>
  <td>${escapeHtml(m.reference ?? '')}</td>
  <td class="id">${escapeHtml(m.id)}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<title>Verzonden sms-berichten</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d1d1b; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; border-bottom: 1px solid #ddd; padding: .4rem .6rem; vertical-align: top; }
  th { background: #f3f3f3; }
  td.body { white-space: pre-wrap; max-width: 40rem; }
  td.nr, td.id { font-family: ui-monospace, monospace; }
  td.id { font-size: .8em; color: #666; }
  .leeg { color: #666; }
</style>
</head>
<body>
<h1>Verzonden sms-berichten</h1>
<p>Ontwikkelomgeving: deze berichten zijn niet echt verstuurd. Aantal: <strong>${messages.length}</strong>
(maximaal ${MAX_MESSAGES} bewaard, nieuwste eerst). De pagina vernieuwt elke 5 seconden.</p>
${
  messages.length === 0
    ? '<p class="leeg">Nog geen berichten ontvangen.</p>'
    : `<table>
<thead><tr><th>Ontvangen</th><th>Naar</th><th>Bericht</th><th>Delen</th><th>Status</th><th>Referentie</th><th>Id</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
</body>
</html>`;
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const path = url.pathname.replace(/\/+$/, '') || '/';

  if (path === '/health' && req.method === 'GET')
    return send(res, 200, { status: 'ok', messages: messages.length });

  if (path === '/' && req.method === 'GET') return send(res, 200, page());

  if (path === '/messages') {
    if (req.method === 'GET') {
      let list = messages;
      const to = url.searchParams.get('to');
      const reference = url.searchParams.get('reference');
      const limit = Number.parseInt(url.searchParams.get('limit') ?? '', 10);
      if (to) list = list.filter((m) => m.to === to);
      if (reference) list = list.filter((m) => m.reference === reference);
      if (Number.isInteger(limit) && limit >= 0) list = list.slice(0, limit);
      return send(res, 200, list);
    }
    if (req.method === 'DELETE') {
      if (!authorized(req)) return send(res, 401, { error: 'unauthorized' });
      const n = messages.length;
      messages = [];
      log(`cleared ${n} message(s)`);
      return send(res, 204);
    }
    if (req.method === 'POST') {
      if (!authorized(req)) return send(res, 401, { error: 'unauthorized' });
      const forced = Number(req.headers['x-sms-sink-fail']);
      if (Number.isInteger(forced) && forced >= 400 && forced <= 599) {
        await readBody(req).catch(() => '');
        log(`forced ${forced} (x-sms-sink-fail)`);
        return send(res, forced, { error: 'simulated_failure', status: forced });
      }
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
        return send(res, 415, {
          error: 'unsupported_media_type',
          message: 'Content-Type must be application/json',
        });
      }
      let input;
      try {
        input = JSON.parse(await readBody(req));
      } catch (err) {
        if (err.status === 413) return send(res, 413, { error: 'payload_too_large' });
        return send(res, 400, { error: 'invalid_json', message: 'request body is not valid JSON' });
      }
      const fields = validate(input);
      if (fields) return send(res, 400, { error: 'validation_failed', fields });

      const message = {
        id: randomUUID(),
        to: input.to,
        body: input.body,
        reference: input.reference ?? null,
        status: 'queued',
        ...segmentInfo(input.body),
        receivedAt: new Date().toISOString(),
      };
      messages.unshift(message);
      if (messages.length > MAX_MESSAGES) messages.length = MAX_MESSAGES;
      const preview = message.body.length > 60 ? `${message.body.slice(0, 57)}...` : message.body;
      log(`queued ${message.id} to ${message.to}: ${JSON.stringify(preview)}`);
      scheduleReport(message);
      return send(
        res,
        202,
        { id: message.id, status: message.status },
        { location: `/messages/${message.id}` },
      );
    }
    return send(res, 405, { error: 'method_not_allowed' }, { allow: 'GET, POST, DELETE' });
  }

  if (path === '/outcomes' && req.method === 'DELETE') {
    if (!authorized(req)) return send(res, 401, { error: 'unauthorized' });
    outcomes.clear();
    return send(res, 204);
  }
  const outcome = /^\/outcomes\/([^/]+)$/.exec(path);
  if (outcome && req.method === 'PUT') {
    if (!authorized(req)) return send(res, 401, { error: 'unauthorized' });
    const to = decodeURIComponent(outcome[1]);
    let input;
    try {
      input = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, { error: 'invalid_json' });
    }
    if (!E164.test(to))
      return send(res, 400, { error: 'validation_failed', fields: { to: 'must be E.164' } });
    if (!input || !OUTCOMES.has(input.status))
      return send(res, 400, {
        error: 'validation_failed',
        fields: { status: 'delivered, bounced or failed' },
      });
    outcomes.set(to, {
      status: input.status,
      ...(typeof input.reason === 'string' ? { reason: input.reason.slice(0, 500) } : {}),
    });
    log(`reports for ${to} will say ${input.status}`);
    return send(res, 204);
  }

  const one = /^\/messages\/([^/]+)$/.exec(path);
  if (one && req.method === 'GET') {
    const found = messages.find((m) => m.id === decodeURIComponent(one[1]));
    return found ? send(res, 200, found) : send(res, 404, { error: 'not_found' });
  }

  return send(res, 404, { error: 'not_found' });
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    log(`error: ${err?.stack ?? err}`);
    if (!res.headersSent) send(res, 500, { error: 'internal_error' });
    else res.destroy();
  });
});
server.keepAliveTimeout = 5000;

server.on('error', (err) => {
  console.error(`[sms-sink] cannot listen on ${HOST}:${PORT}: ${err.message}`);
  process.exit(1);
});
server.listen(PORT, HOST, () =>
  log(`listening on http://${HOST}:${PORT} (POST /messages, GET /messages, GET /)`),
);

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 2000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
