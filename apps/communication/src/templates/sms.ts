/**
 * SMS encoding and segment counting (3GPP TS 23.038 / 23.040). GSM-7: a basic-table character costs one septet,
 * an extension-table character two (escape + char); 160 septets fit one SMS, 153 per part of a concatenated one,
 * and an escape pair is never split across parts. Anything else goes as UCS-2: 70 UTF-16 code units in one SMS,
 * 67 per part, and a surrogate pair (emoji) is never split across parts.
 */

const GSM_BASIC = new Set(
  Array.from(
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
      '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ),
);
const GSM_EXTENSION = new Set(Array.from('\f^{}\\[~]|€'));

export interface SmsSegmentation {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  readonly segments: number;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return false;
  return true;
}

export function segmentSms(text: string): SmsSegmentation {
  const chars = Array.from(text); // code points: a surrogate pair stays one item
  if (isGsm7(text)) {
    const costs = chars.map((ch) => (GSM_EXTENSION.has(ch) ? 2 : 1));
    return { encoding: 'GSM-7', ...count(costs, 160, 153) };
  }
  return {
    encoding: 'UCS-2',
    ...count(
      chars.map((ch) => ch.length),
      70,
      67,
    ),
  };
}

function count(
  costs: readonly number[],
  single: number,
  perPart: number,
): { units: number; segments: number } {
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  if (units === 0) return { units, segments: 0 };
  if (units <= single) return { units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > perPart) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { units, segments };
}

/**
 * Typographic characters with a plain GSM-7 equivalent (’ “ – and non-breaking spaces from Intl dates) are
 * replaced, so a Dutch, English or German SMS is not sent as UCS-2 (and at less than half the length) for a quote.
 */
export function smsFriendly(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/[\u200e\u200f\u061c]/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
