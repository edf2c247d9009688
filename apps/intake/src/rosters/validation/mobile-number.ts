export type MobileResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: 'invalid' | 'landline' };

/** Belgian mobile numbers: 045x–049x, i.e. +32 4[5-9] followed by 7 digits. */
const BELGIAN_MOBILE = /^4[5-9]\d{7}$/;
const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * Normalises a mobile number to E.164. Accepts what schools type and export: `0470 12 34 56`, `0470/12.34.56`,
 * `+32 (0)470 12 34 56`, `0032470123456`, `32470123456` and `470123456` (Excel dropped the leading zero), and
 * foreign numbers in international form (`+31 6 12345678`). A Belgian landline is refused: it cannot receive SMS.
 */
export function normaliseMobile(raw: string): MobileResult {
  let text = raw.trim().replace(/\(0\)/g, '');
  if (/[^\d\s+().\-/]/.test(text)) return { ok: false, problem: 'invalid' };
  text = text.replace(/[\s().\-/]/g, '');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (text.indexOf('+') > 0) return { ok: false, problem: 'invalid' };

  let international: string;
  if (text.startsWith('+')) international = text;
  else if (/^0[1-9]\d{7,8}$/.test(text)) international = `+32${text.slice(1)}`;
  else if (/^32\d{8,9}$/.test(text)) international = `+${text}`;
  else if (BELGIAN_MOBILE.test(text)) international = `+32${text}`;
  else return { ok: false, problem: 'invalid' };

  if (!E164.test(international)) return { ok: false, problem: 'invalid' };
  if (international.startsWith('+32')) {
    const national = international.slice(3);
    if (BELGIAN_MOBILE.test(national)) return { ok: true, value: international };
    return /^[1-9]\d{7}$/.test(national)
      ? { ok: false, problem: 'landline' }
      : { ok: false, problem: 'invalid' };
  }
  return { ok: true, value: international };
}
