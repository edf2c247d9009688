// Smoke test of the development sinks, on spare ports so it does not clash with a running `npm start`:
// starts MailDev and sms-sink.mjs as child processes exactly as documented in infra/sinks/README.md,
// sends one email with nodemailer and one SMS over HTTP, reads them back through the sinks' APIs,
// then stops both with SIGTERM and checks they exit. Usage: node infra/sinks/verify.mjs
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const nodemailer = require('nodemailer');

const SMTP = 11025;
const WEB = 11080;
const SMS = 11090;
const t0 = Date.now();
const step = (msg) => console.log(`[verify-sinks] ${((Date.now() - t0) / 1000).toFixed(2)}s ${msg}`);
const children = [];
const fail = (msg) => {
  console.error(`[verify-sinks] FAILED: ${msg}`);
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
};
setTimeout(() => fail('timeout after 30s'), 30_000).unref();

function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.output = '';
  child.stdout.on('data', (d) => (child.output += d));
  child.stderr.on('data', (d) => (child.output += d));
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.name = name;
  children.push(child);
  return child;
}

async function waitFor(url, what) {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`${what} did not come up at ${url}`);
}

async function stop(child) {
  const t = Date.now();
  child.kill('SIGTERM');
  const { code, signal } = await child.exited;
  step(
    `${child.name} stopped on SIGTERM in ${Date.now() - t} ms (exit code ${code}${signal ? `, signal ${signal}` : ''})`,
  );
}

// --- MailDev -------------------------------------------------------------------------------------
const maildev = start('maildev', [
  'node_modules/maildev/dist/bin/maildev.js',
  '--smtp',
  String(SMTP),
  '--ip',
  '127.0.0.1',
  '--web',
  String(WEB),
  '--web-ip',
  '127.0.0.1',
  '--max-emails',
  '1000',
]);
const sms = start('sms-sink', ['infra/sinks/sms-sink.mjs'], { SMS_SINK_PORT: String(SMS) });

await waitFor(`http://127.0.0.1:${WEB}/api/healthz`, 'maildev');
step(`maildev up (SMTP 127.0.0.1:${SMTP}, UI/API http://127.0.0.1:${WEB})`);
const transport = nodemailer.createTransport({ url: `smtp://127.0.0.1:${SMTP}` });
const subject = `Meldpunt verify ${Date.now()}`;
await transport.sendMail({
  from: 'CLB Meldpunt <noreply@meldpunt.test>',
  to: 'ouder@example.be',
  subject,
  text: 'Beste ouder, dit is een test.',
});
const emails = await (await fetch(`http://127.0.0.1:${WEB}/api/email`)).json();
const mail = emails.find((e) => e.subject === subject);
if (!mail) fail(`email not found in GET /api/email: ${JSON.stringify(emails).slice(0, 300)}`);
step(
  `email sent with nodemailer ${require('nodemailer/package.json').version} appears in GET /api/email (id ${mail.id})`,
);

// --- SMS sink ------------------------------------------------------------------------------------
await waitFor(`http://127.0.0.1:${SMS}/health`, 'sms-sink');
const post = await fetch(`http://127.0.0.1:${SMS}/messages`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ to: '+32470123456', body: 'Beste ouder, dit is een test.', reference: 'verify-1' }),
});
const accepted = await post.json();
if (post.status !== 202 || accepted.status !== 'queued')
  fail(`POST /messages: ${post.status} ${JSON.stringify(accepted)}`);
const bad = await fetch(`http://127.0.0.1:${SMS}/messages`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ to: '0470', body: '' }),
});
const badBody = await bad.json();
if (bad.status !== 400 || !badBody.fields?.to || !badBody.fields?.body)
  fail(`invalid SMS not rejected: ${JSON.stringify(badBody)}`);
const list = await (await fetch(`http://127.0.0.1:${SMS}/messages`)).json();
if (list[0]?.id !== accepted.id) fail(`SMS not listed: ${JSON.stringify(list)}`);
const html = await (await fetch(`http://127.0.0.1:${SMS}/`)).text();
if (!html.includes('Verzonden sms-berichten') || !html.includes('+32470123456'))
  fail('HTML page misses the message');
step(`sms-sink: 202 queued ${accepted.id}, 400 on invalid input, listed in GET /messages and on GET /`);

await stop(maildev);
await stop(sms);
step('OK');
