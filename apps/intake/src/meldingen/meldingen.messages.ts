import type { Disease, MeldingChannel, TestResult } from '@meldpunt/contracts';

/**
 * Every text of the meldingen and credentials features that reaches a user, in Dutch, kept together for
 * translation. Machine-readable codes (`reason`, field names) stay English and stable.
 */
export const MESSAGES = {
  invalidInput: 'De invoer is ongeldig.',
  rejected: 'De melding is niet aanvaard: controleer de aangeduide velden.',
  unsupportedMediaType: 'Stuur de melding als JSON (Content-Type: application/json).',
  tooDeep: (levels: number) => `De JSON is dieper genest dan ${levels} niveaus.`,
  serviceUnavailable:
    'Meldingen kunnen nu niet veilig bewaard worden. Probeer het over enkele ogenblikken opnieuw.',
  internalError: 'Er liep iets mis. Probeer het later opnieuw; blijft het misgaan, neem dan contact op.',
  notFound: 'Deze melding bestaat niet of u hebt er geen toegang toe.',
  forbiddenSchool: 'U mag geen meldingen doen of bekijken voor deze school.',
  forbiddenRole: 'U hebt geen toegang tot deze functie.',

  auth: {
    required: 'Aanmelden is vereist: gebruik een aanmeldtoken of een API-sleutel (X-Api-Key).',
    both: 'Gebruik ofwel een aanmeldtoken ofwel een API-sleutel (X-Api-Key), niet beide.',
    invalidToken: 'Het aanmeldtoken is ongeldig of verlopen.',
    invalidApiKey: 'De API-sleutel is ongeldig of ingetrokken.',
  },

  webhook: {
    missingHeader: (header: string) => `De header ${header} ontbreekt.`,
    badTimestamp: 'X-Meldpunt-Timestamp moet een Unix-tijd in seconden zijn.',
    staleTimestamp: (toleranceSeconds: number) =>
      `X-Meldpunt-Timestamp wijkt meer dan ${toleranceSeconds / 60} minuten af van onze klok; onderteken opnieuw.`,
    unknownSchool: 'Onbekende school in X-Meldpunt-School, of de school heeft geen actieve webhooksleutel.',
    badSignatureFormat: 'X-Meldpunt-Signature moet de vorm sha256=<64 hexadecimale tekens> hebben.',
    badSignature: 'De handtekening klopt niet met de inhoud en de webhooksleutel van de school.',
    replayed: 'Deze ondertekende aanvraag werd al ontvangen; onderteken opnieuw met een nieuw tijdstip.',
    schoolMismatch: 'schoolId in de melding verschilt van de school in X-Meldpunt-School.',
  },

  idempotency: {
    invalidKey: 'Idempotency-Key moet 1 tot 200 zichtbare ASCII-tekens bevatten.',
    reusedWithOtherBody:
      'Deze Idempotency-Key werd al gebruikt voor een andere melding. Gebruik een nieuwe sleutel per melding.',
  },

  field: {
    uuid: 'moet een geldige id (UUID) zijn.',
    date: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD.',
    dateOrNull: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD, of null.',
    object: 'moet een object zijn.',
    objectOrNull: 'moet een object zijn, of null.',
    oneOf: (values: readonly string[]) => `moet een van deze waarden zijn: ${values.join(', ')}.`,
    text: (min: number, max: number) => `moet een tekst van ${min} tot ${max} tekens zijn.`,
    notBlank: 'mag niet leeg zijn.',
    maxLength: (max: number) => `mag hoogstens ${max} tekens bevatten.`,
    list: (max: number) => `moet een lijst van hoogstens ${max} elementen zijn.`,
    unique: 'mag geen dubbele waarden bevatten.',
    email: 'moet een geldig e-mailadres zijn.',
    phone: 'moet een geldig telefoonnummer zijn (cijfers, eventueel met + vooraan).',
    onlyWhen: (property: string, values: readonly string[]) =>
      `is enkel toegelaten wanneer ${property} ${values.join(' of ')} is.`,
    integer: (min: number, max: number) => `moet een geheel getal van ${min} tot ${max} zijn.`,
  },

  rules: {
    inFuture: (what: string) => `${what} ligt in de toekomst.`,
    tooOld: (what: string, days: number) => `${what} ligt meer dan ${days} dagen in het verleden.`,
    lastDayBeforeWindow: (days: number, disease: string, anchor: 'onset' | 'test') =>
      `De laatste dag aanwezig ligt meer dan ${days} dagen (de incubatieperiode van ${disease}) vóór ` +
      `${anchor === 'onset' ? 'de eerste symptomen' : 'de testdatum'}: dan kon de persoon op school niemand besmetten.`,
    testRequiredWhenAsymptomatic: 'Zonder symptomen (onsetDate null) is een test nodig.',
    unknownSchool: 'Deze school is niet gekend in Meldpunt.',
    unknownSubject: 'Deze persoon staat niet in de leerlingen- of personeelslijst van de school.',
    unknownGroup: 'Deze klas of groep hoort niet bij de school.',
  },

  dateNames: {
    onsetDate: 'De datum van de eerste symptomen',
    testDate: 'De testdatum',
    lastDayPresent: 'De laatste dag aanwezig',
    birthDate: 'De geboortedatum',
  },

  credentials: {
    unknownSchool: 'Deze school bestaat niet.',
    forbidden: 'U mag de sleutels van deze school niet beheren.',
    shownOnce:
      'Bewaar de API-sleutel en de webhooksleutel nu: Meldpunt toont ze nooit opnieuw. Eerdere sleutels zijn ingetrokken.',
  },
} as const;

export const DISEASE_NAMES: Readonly<Record<Disease, string>> = {
  'covid-19': 'COVID-19',
  mumps: 'bof',
  measles: 'mazelen',
  meningococcal: 'meningokokkeninfectie',
  pertussis: 'kinkhoest',
  'scarlet-fever': 'roodvonk',
  other: 'een andere infectieziekte',
};

export const CHANNEL_NAMES: Readonly<Record<MeldingChannel, string>> = {
  form: 'het meldingsformulier',
  api: 'de koppeling met uw schoolsoftware (API)',
  webhook: 'de koppeling met uw schoolsoftware (webhook)',
};

export const TEST_RESULT_NAMES: Readonly<Record<TestResult, string>> = {
  positive: 'positief',
  negative: 'negatief',
  pending: 'nog geen uitslag',
};

/** The confirmation e-mail to the school's contact person. No personal data of the ill person. */
export const CONFIRMATION_MAIL = {
  subject: (reference: string) => `Meldpunt: uw melding ${reference} is ontvangen`,
  text: (mail: {
    readonly contactName: string;
    readonly reference: string;
    readonly schoolName: string;
    readonly disease: Disease;
    readonly receivedOn: string;
    readonly channel: MeldingChannel;
  }) =>
    [
      `Beste ${mail.contactName},`,
      '',
      `Meldpunt heeft uw melding van ${DISEASE_NAMES[mail.disease]} voor ${mail.schoolName} goed ontvangen ` +
        `op ${mail.receivedOn} via ${CHANNEL_NAMES[mail.channel]}.`,
      '',
      `Referentie: ${mail.reference}`,
      '',
      'Het CLB bekijkt de melding en neemt contact met u op als er maatregelen nodig zijn. Vermeld de ' +
        'referentie wanneer u het CLB hierover contacteert.',
      '',
      'Met vriendelijke groeten,',
      'Meldpunt',
      '',
      'Dit is een automatisch bericht; antwoorden op deze e-mail worden niet gelezen.',
    ].join('\n'),
} as const;
