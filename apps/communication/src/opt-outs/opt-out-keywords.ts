/** What an inbound SMS asks: to stop information campaigns, to receive them again, or nothing we act on. */
export type SmsIntent = 'opt-out' | 'opt-in' | null;

const OPT_OUT = new Set(['STOP', 'STOP ALLES', 'STOPALLES', 'ARRET', 'ARRÊT', 'UNSUBSCRIBE']);
const OPT_IN = new Set(['START']);

/** `STOP`, `stop `, `Stop alles`, `ARRET`, `UNSUBSCRIBE` → opt-out; `START` → opt-in; anything else → null. */
export function smsIntent(body: string): SmsIntent {
  const words = body.trim().replace(/\s+/g, ' ').toUpperCase();
  if (OPT_OUT.has(words)) return 'opt-out';
  if (OPT_IN.has(words)) return 'opt-in';
  return null;
}
