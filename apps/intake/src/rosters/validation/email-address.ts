export type EmailResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: 'invalid' | 'several' };

/** Practical address check: one @, a dotted domain with a 2+ letter TLD, no spaces or consecutive dots. */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~\u00a0-\uffff-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~\u00a0-\uffff-]+)*@(?:[a-z0-9\u00a0-\uffff](?:[a-z0-9\u00a0-\uffff-]{0,61}[a-z0-9\u00a0-\uffff])?\.)+[a-z\u00a0-\uffff]{2,63}$/;

/** Trims, lower-cases and checks one e-mail address (`mailto:` and `<…>` around it are dropped). */
export function normaliseEmail(raw: string): EmailResult {
  const text = raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase()
    .normalize('NFC');
  if (/[\s,;]/.test(text) && (text.match(/@/g) ?? []).length > 1) return { ok: false, problem: 'several' };
  if (text.length > 254 || !EMAIL.test(text)) return { ok: false, problem: 'invalid' };
  return { ok: true, value: text };
}
