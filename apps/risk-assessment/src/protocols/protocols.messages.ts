import type { SchoolLevel } from '@meldpunt/contracts';
import type { ContactType, RiskLevel } from './protocol-engine.types';

/** Every user-facing text of the protocols, together for translation (Dutch, the users' language). */
export const PROTOCOL_MESSAGES = {
  exampleWarning:
    'VOORBEELD: dit protocol is een voorbeeld en geen medisch advies. Een CLB-arts moet het valideren en aanpassen vóór het in gebruik genomen wordt.',
  invalidInput: 'De invoer is ongeldig.',
  invalidDefinition: 'Het protocol is ongeldig.',
  protocolNotFound: 'Dit protocol bestaat niet.',
  level: {
    kleuter: 'kleuter',
    lager: 'lager',
    secundair: 'secundair',
    buitengewoon: 'buitengewoon',
  } satisfies Record<SchoolLevel, string>,
  contactType: {
    classmate: 'klasgenoot',
    teacher: 'leerkracht',
    'boarding-group': 'leefgroep internaat',
    household: 'huisgenoot',
    activity: 'activiteit',
  } satisfies Record<ContactType, string>,
  risk: {
    high: 'hoog risico',
    low: 'laag risico',
    none: 'geen risico',
  } satisfies Record<RiskLevel, string>,
  vaccinated: { yes: 'gevaccineerd', no: 'niet gevaccineerd', unknown: 'vaccinatiestatus onbekend' },
  noMatchingRule: 'Geen regel van toepassing: de arts beslist.',
  measure: {
    quarantine: (until: string, days: number, lastContact: string, back: string) =>
      `Quarantaine tot en met ${until} (${days} dagen na het laatste contact op ${lastContact}); terug naar school op ${back}.`,
    exclusion: (from: string, until: string, days: number, back: string) =>
      `Geen toegang tot de school van ${from} tot en met ${until} (tot ${days} dagen na het laatste contact); terug naar school op ${back}.`,
    endsEarly: (day: number, back: string) =>
      `Bij een negatieve test op dag ${day} mag de quarantaine eindigen: dan terug naar school op ${back}.`,
    test: (day: number, date: string) => `Test op dag ${day} na het laatste contact: ${date}.`,
    chemoprophylaxis: (hours: number, deadline: string) =>
      `Chemoprofylaxe binnen ${hours} uur na de melding: uiterlijk ${deadline}.`,
    chemoprophylaxisNoDeadline: 'Chemoprofylaxe zo snel mogelijk, volgens de arts.',
    vaccination: (hours: number, deadline: string) =>
      `Vaccinatievoorstel: inhaalvaccinatie binnen ${hours} uur na het laatste contact, uiterlijk ${deadline}.`,
    vaccinationNoDeadline: 'Vaccinatievoorstel: vaccinatiestatus nakijken en inhaalvaccinatie aanbieden.',
    watchSymptoms: (until: string, days: number) =>
      `Let op symptomen tot en met ${until} (${days} dagen na het laatste contact).`,
  },
  field: {
    unknownField: 'Onbekend veld.',
    effectiveFromInPast: (today: string) =>
      `De datum van inwerkingtreding mag niet in het verleden liggen (vandaag is ${today}).`,
    effectiveFrom: 'Geef een datum in de vorm JJJJ-MM-DD.',
    reason: 'Geef een reden voor de wijziging (1 tot 1000 tekens).',
    definition: 'Het protocol ontbreekt of is geen object.',
    warningRequired: 'Een voorbeeldprotocol moet een waarschuwing hebben.',
    duplicateRuleId: (id: string) => `De regel-id "${id}" komt meer dan één keer voor.`,
    uncovered: (gaps: string) => `Niet elk contact krijgt een voorstel; geen regel voor: ${gaps}.`,
    minAboveMax: 'Het minimum aantal gevallen is groter dan het maximum.',
    startAfterEnd: 'De eerste dag ligt na de laatste dag.',
    earlyEndTooLate: 'De test voor het vroegere einde moet vóór de laatste dag van de quarantaine vallen.',
    lastUrgencyRuleConditional:
      'De laatste urgentieregel moet zonder voorwaarden zijn, zodat elk geval een urgentie krijgt.',
    duplicateUrgencyId: (id: string) => `De urgentieregel-id "${id}" komt meer dan één keer voor.`,
  },
  audit: {
    seeded: 'Voorbeeldprotocol geladen bij de start van de dienst.',
  },
} as const;
