/**
 * Every text of the cases feature that reaches a user, in Dutch, kept together for translation. Machine-readable
 * codes (`kind`, `reason`, field names) stay English and stable.
 */
export const MESSAGES = {
  invalidInput: 'De invoer is ongeldig.',
  notFound: 'Dit dossier bestaat niet of u hebt er geen toegang toe.',
  internalError: 'Er liep iets mis. Probeer het later opnieuw; blijft het misgaan, neem dan contact op.',
  claimedByOther:
    'Dit dossier is al toegewezen aan een collega. Wijs het opnieuw toe als u het wilt overnemen.',
  unknownContacts: 'Niet alle geselecteerde contacten horen bij dit dossier.',
  removedContacts: 'Sommige geselecteerde contacten zijn verwijderd.',
  unknownExposure: 'Deze blootstelling hoort niet bij dit dossier.',
  nothingToChange: 'Geef een risico, het wissen van de aanpassing of de vaccinatiestatus op.',
  reasonRequired: 'Een reden is verplicht wanneer u het risico aanpast.',
  activityRequired: 'Kies de activiteit (uitstap, bus, sport …).',
  activityOnlyForActivity: 'Een activiteit kan enkel bij een blootstelling van het soort activiteit.',
  indexIsNoContact: 'De indexpersoon kan geen contact zijn in het eigen dossier.',

  field: {
    uuid: 'moet een geldige id (UUID) zijn.',
    uuidList: (max: number) => `moet een lijst van 1 tot ${max} geldige ids (UUID) zijn, zonder dubbels.`,
    date: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD.',
    oneOf: (values: readonly string[]) => `moet een van deze waarden zijn: ${values.join(', ')}.`,
    text: (min: number, max: number) => `moet een tekst van ${min} tot ${max} tekens zijn.`,
    notBlank: 'mag niet leeg zijn.',
    boolean: 'moet waar of onwaar zijn.',
    booleanOrNull: 'moet waar, onwaar of null zijn.',
    integer: (min: number, max: number) => `moet een geheel getal van ${min} tot ${max} zijn.`,
    list: (min: number, max: number) => `moet een lijst van ${min} tot ${max} elementen zijn.`,
    object: 'moet een object zijn.',
  },
} as const;
