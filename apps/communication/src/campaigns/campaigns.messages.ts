/** User-facing texts of the campaigns API (Dutch; ready for a translation catalog). */
export const CAMPAIGN_MESSAGES = {
  notFound: 'Deze campagne bestaat niet of hoort niet bij uw CLB.',
  clbNotAllowed: 'U hebt geen toegang tot dit CLB.',
  schoolNotInClb: 'bevat een school die niet (meer) bij dit CLB hoort.',
  groupNotInSchools: 'bevat een klas of groep die niet bij de gekozen scholen hoort.',
  noRecipients: 'bereikt niemand: kies een doelgroep met ouders die een e-mailadres of gsm-nummer hebben.',
  alreadyCancelled: 'Deze campagne is al geannuleerd.',
  alreadyFinished: 'Deze campagne is al volledig verstuurd en kan niet meer geannuleerd worden.',
  idAlreadyUsed: 'Deze campagne-id is al gebruikt voor een andere campagne.',
  cancelledReason: 'De campagne werd geannuleerd voor deze brief verstuurd was.',
} as const;

/** Field messages of the campaign routes (class-validator; `says` puts the field name in front). */
export const CAMPAIGN_FIELD_MESSAGES = {
  uuid: 'moet een geldige id (UUID) zijn.',
  uuids: 'moet een lijst van geldige id’s (UUID) zijn.',
  schoolIds: 'moet minstens één school bevatten (maximaal 500).',
  groupIds: 'mag hoogstens 2000 klassen of groepen bevatten.',
  levels: (levels: readonly string[]) => `moet een lijst zijn met waarden uit: ${levels.join(', ')}.`,
  disease: (diseases: readonly string[]) => `moet een van deze ziektes zijn: ${diseases.join(', ')}.`,
  audience: 'moet een doelgroep zijn: { schoolIds, groupIds?, levels? }.',
  title: 'moet een titel van 1 tot 200 tekens zijn.',
  integer: (min: number, max: number) => `moet een geheel getal van ${min} tot ${max} zijn.`,
  idempotencyKey: 'moet 1 tot 200 tekens zijn (letters, cijfers, -, _, ., :).',
} as const;
