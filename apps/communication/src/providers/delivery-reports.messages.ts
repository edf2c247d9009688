/** User-facing texts of the provider delivery reports (Dutch; ready for a translation catalog). */
export const DELIVERY_REPORT_MESSAGES = {
  reports: (max: number) => `moet een lijst van 1 tot ${max} rapporten zijn.`,
  report: 'moet een rapport zijn: { providerMessageId, status, at, reason? }.',
  providerMessageId: 'moet de id van het bericht bij de provider zijn (1 tot 200 tekens).',
  status: (values: readonly string[]) => `moet een van ${values.join(', ')} zijn.`,
  at: 'moet een tijdstip zijn als 2026-11-25T08:30:00Z (met tijdzone).',
  reason: 'mag hoogstens 500 tekens lang zijn.',
  channel: 'Onbekend kanaal: kies email of sms.',
  signature: {
    'missing-signature': 'De header X-Meldpunt-Signature ontbreekt.',
    'missing-timestamp': 'De header X-Meldpunt-Timestamp ontbreekt.',
    'bad-timestamp': 'X-Meldpunt-Timestamp moet een Unix-tijd in seconden zijn.',
    'stale-timestamp': 'X-Meldpunt-Timestamp wijkt meer dan 5 minuten af van onze klok.',
    'bad-signature': 'De handtekening (X-Meldpunt-Signature) klopt niet.',
  },
} as const;

/** Why a letter failed, as staff read it on the dead-letter list. */
export const REPORT_FAILURES = {
  bounced: (reason: string | undefined) =>
    `Teruggekaatst (gemeld door de provider)${reason ? `: ${reason}` : ''}.`,
  failed: (reason: string | undefined) =>
    `Niet afgeleverd (gemeld door de provider)${reason ? `: ${reason}` : ''}.`,
} as const;
