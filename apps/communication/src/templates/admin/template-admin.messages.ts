/** User-facing texts of the template admin routes (Dutch; ready for a translation catalog). */
export const TEMPLATE_ADMIN_MESSAGES = {
  unknownLanguage: (languages: readonly string[]) => `Onbekende taal. Kies een van: ${languages.join(', ')}.`,
  unknownKey: 'Deze tekstsleutel bestaat niet.',
  textRequired: 'Vul een tekst in.',
  textTooLong: (max: number) => `De tekst is te lang (maximaal ${max} tekens).`,
  noHtml: 'De tekst mag geen HTML bevatten (geen < of >). Opmaak voegt het sjabloon zelf toe.',
  unknownPlaceholders: (unknown: readonly string[], allowed: readonly string[]) =>
    `Onbekende plaatshouder${unknown.length > 1 ? 's' : ''}: ${unknown.map((p) => `{${p}}`).join(', ')}. ` +
    (allowed.length > 0
      ? `Toegestaan: ${allowed.map((p) => `{${p}}`).join(', ')}.`
      : 'Deze tekst heeft geen plaatshouders.'),
  brokenBraces: 'Een plaatshouder staat tussen { en }, met alleen letters, zoals {children}.',
  oneOf: (values: readonly string[]) => `Kies een van: ${values.join(', ')}.`,
  version: 'Geef de versie als geheel getal (0 als er nog geen eigen tekst is).',
  draft: 'Geef per tekstsleutel een tekst.',
  draftTooLarge: (max: number) => `Hoogstens ${max} teksten tegelijk.`,
  email: 'Geef een geldig e-mailadres.',
  mobile: 'Geef een gsm-nummer in internationale vorm, bijvoorbeeld +32470123456.',
  notOverridden: 'Deze tekst heeft geen eigen versie: hij komt al uit de standaardcatalogus.',
  conflict: (current: number) =>
    `Iemand anders heeft deze tekst intussen gewijzigd (nu versie ${current}). Laad de tekst opnieuw en pas hem dan aan.`,
  rateLimited: (max: number, minutes: number) =>
    `U verstuurde al ${max} testberichten in de laatste ${minutes} minuten. Probeer het straks opnieuw.`,
  deliveryFailed: (reason: string) => `Het testbericht kon niet verstuurd worden: ${reason}`,
  testMark: '[TEST]',
} as const;
