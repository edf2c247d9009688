import type { ProtocolDefinition } from '../protocol-definition.schema';
import { EXAMPLE_BASE } from './example-common';

const watch = { kind: 'watch-symptoms', days: 21 } as const;
const close = [
  {
    kind: 'chemoprophylaxis',
    withinHours: null,
    note: 'Zinvol tot 21 dagen na het begin van de hoest van de index; zeker bij een zuigeling jonger dan 1 jaar of een zwangere in het gezin.',
  },
  { kind: 'vaccination-proposal', withinHoursOfLastContact: null },
  watch,
] as const;

/** EXAMPLE: pertussis (kinkhoest). */
export const PERTUSSIS_EXAMPLE: ProtocolDefinition = {
  ...EXAMPLE_BASE,
  protocolId: 'pertussis',
  title: 'Kinkhoest',
  source:
    'Naar de richtlijn kinkhoest van het Agentschap Zorg en Gezondheid. Incubatie 7 tot 21 dagen. Hoogrisicocontacten: ' +
    'huisgenoten en leefgroep in het internaat (chemoprofylaxe met een macrolide, vooral als er kwetsbare personen ' +
    'zijn). Aannames: schoolcontacten zijn laag risico; wie niet (volledig) gevaccineerd is, krijgt een ' +
    'vaccinatievoorstel; iedereen let 21 dagen op symptomen (hoest).',
  rules: [
    {
      id: 'pertussis.household',
      description: 'huisgenoot → hoog risico',
      contactTypes: ['household'],
      risk: 'high',
      measures: [...close],
      letterKind: 'pertussis-high-risk',
    },
    {
      id: 'pertussis.boarding-group',
      description: 'leefgroep internaat → hoog risico',
      contactTypes: ['boarding-group'],
      risk: 'high',
      measures: [...close],
      letterKind: 'pertussis-high-risk',
    },
    {
      id: 'pertussis.unvaccinated',
      description: 'niet of onbekend gevaccineerd → laag risico, vaccinatie voorstellen',
      when: { vaccinated: ['no', 'unknown'] },
      risk: 'low',
      measures: [{ kind: 'vaccination-proposal', withinHoursOfLastContact: null }, watch],
      letterKind: 'pertussis-low-risk',
    },
    {
      id: 'pertussis.school',
      description: 'gevaccineerd schoolcontact → laag risico',
      risk: 'low',
      measures: [watch],
      letterKind: 'pertussis-low-risk',
    },
  ],
  urgency: [
    {
      id: 'pertussis.kleuter',
      description: 'kleuteronderwijs (jonge broers en zussen) → beslissen binnen 24 uur',
      levels: ['kleuter'],
      urgency: 'high',
      decisionDeadlineHours: 24,
      alwaysPage: false,
    },
    {
      id: 'pertussis.default',
      description: 'beslissen binnen 48 uur',
      urgency: 'normal',
      decisionDeadlineHours: 48,
      alwaysPage: false,
    },
  ],
};
