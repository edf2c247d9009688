/** User-facing texts of the SMS opt-out webhook (Dutch; ready for a translation catalog). */
export const OPT_OUT_MESSAGES = {
  from: 'moet een gsm-nummer in internationaal formaat zijn (bijvoorbeeld +32470123456).',
  body: 'moet de tekst van de sms zijn (maximaal 1600 tekens).',
  receivedAt: 'moet een tijdstip in ISO 8601 zijn (bijvoorbeeld 2026-11-25T08:30:00Z).',
} as const;
