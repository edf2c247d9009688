/** User-facing texts of the letters pipeline (Dutch; ready for a translation catalog). */
export const LETTERS_MESSAGES = {
  deadLetterNotFound: 'Deze onbestelbare brief bestaat niet of hoort niet bij uw CLB.',
  deadLetterHandled: 'Deze onbestelbare brief is al afgehandeld.',
  noteRequired: 'Geef kort aan hoe het gezin bereikt werd (bijvoorbeeld "telefonisch gemeld").',
  noteTooLong: 'De notitie is te lang (maximaal 1000 tekens).',
  letterNotFound: 'Deze brief bestaat niet (meer). Vraag het CLB van de school om een nieuwe link.',
  unknownSchool: 'de school',
  unknownClb: 'het CLB',
} as const;

/** Why a letter failed for good (shown to staff in the dead-letter list). */
export const FAILURE_REASONS = {
  contactRemoved: 'De contactgegevens van deze ouder zijn intussen verwijderd.',
  noAddress: 'Er is geen adres meer voor dit kanaal.',
  lastAttempt: (error: string) => `Niet afgeleverd na de laatste poging: ${error}`,
  refused: (error: string) => `Geweigerd door de provider: ${error}`,
  campaignCancelled: 'De campagne werd geannuleerd voor deze brief verstuurd was.',
  optedOut: 'Deze ouder heeft zich afgemeld voor informatie per sms (STOP).',
} as const;

/** Field messages of the dead-letter routes. */
export const FIELD_MESSAGES = {
  oneOf: (values: readonly string[]) => `Kies een van: ${values.join(', ')}.`,
  integer: (min: number, max: number) => `Geef een geheel getal van ${min} tot ${max}.`,
} as const;
