/**
 * Every user-facing message the console's API sends, in one place so it can be translated (the page itself reads
 * web/i18n/nl.json). Dutch first.
 */
export const MESSAGES = {
  badCredentials: 'E-mailadres of wachtwoord is onjuist.',
  tooManyAttempts: 'Te veel mislukte pogingen om aan te melden. Probeer het over {minutes} minuten opnieuw.',
  loginRequired: 'Aanmelden is vereist.',
  sessionExpired: 'Uw sessie is verlopen. Meld u opnieuw aan.',
  csrfRefused: 'De aanvraag is geweigerd (beveiligingstoken ontbreekt of klopt niet). Herlaad de pagina.',
  crossOriginRefused: 'De aanvraag is geweigerd: ze komt niet van deze website.',
  forbidden: 'U hebt geen toegang tot deze functie.',
  invalidInput: 'De invoer is ongeldig.',
  emailInvalid: 'Vul een geldig e-mailadres in.',
  displayNameRequired: 'Vul een naam in (hoogstens 200 tekens).',
  roleInvalid: 'Kies een geldige rol.',
  idInvalid: 'Ongeldige id.',
  passwordTooShort: 'Het wachtwoord moet minstens {min} tekens lang zijn.',
  passwordTooLong: 'Het wachtwoord mag hoogstens {max} tekens lang zijn.',
  passwordTooSimple: 'Kies een minder voorspelbaar wachtwoord.',
  passwordContainsEmail: 'Het wachtwoord mag uw e-mailadres niet bevatten.',
  tenancySchoolNeeded: 'Een schoolgebruiker moet aan minstens één school gekoppeld zijn.',
  tenancySchoolOnly: 'Een schoolgebruiker kan niet aan een CLB gekoppeld worden.',
  tenancyClbNeeded: 'Een CLB-gebruiker moet aan minstens één CLB gekoppeld zijn.',
  tenancyClbOnly: 'Een CLB-gebruiker kan niet aan afzonderlijke scholen gekoppeld worden.',
  emailTaken: 'Er bestaat al een gebruiker met dit e-mailadres.',
  userNotFound: 'Deze gebruiker bestaat niet.',
  cannotChangeSelf: 'U kunt uw eigen account niet deactiveren of uw eigen rol wijzigen.',
  unknownService: 'Onbekende dienst.',
  badPath: 'Ongeldig pad.',
  methodNotAllowed: 'Deze methode wordt niet ondersteund.',
  unsupportedMediaType: 'Alleen JSON of CSV (text/csv) kan doorgestuurd worden.',
  payloadTooLarge: 'Het bestand is te groot (hoogstens {limit}).',
  malformedBody: 'De aanvraag kon niet gelezen worden.',
  serviceUnreachable: 'De dienst {service} is nu niet bereikbaar. Probeer het zo dadelijk opnieuw.',
  serviceTimeout: 'De dienst {service} antwoordde niet op tijd. Probeer het zo dadelijk opnieuw.',
  serviceRefusedConsole: 'De dienst {service} weigerde de console. Meld dit aan de beheerder.',
  serviceBadResponse: 'De dienst {service} gaf een onverwacht antwoord.',
} as const;

/** How the services are named to users (the page uses the same names, web/i18n/nl.json `service.*`). */
export const SERVICE_LABELS = {
  intake: 'Melding-intake',
  'risk-assessment': 'Risico-inschatting',
  communication: 'Communicatie',
  scheduling: 'Planning/permanentie',
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** A message with its {placeholders} filled. */
export function message(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
