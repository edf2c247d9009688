import type { ProtocolDefinition } from '../protocol-definition.schema';
import { EXAMPLE_BASE } from './example-common';

const watch = { kind: 'watch-symptoms', days: 25 } as const;

/** EXAMPLE: mumps (bof). */
export const MUMPS_EXAMPLE: ProtocolDefinition = {
  ...EXAMPLE_BASE,
  protocolId: 'mumps',
  title: 'Bof',
  source:
    'Naar de richtlijn bof van het Agentschap Zorg en Gezondheid. Incubatie 12 tot 25 dagen; contacten worden niet ' +
    'geweerd (alleen de index, tot 5 dagen na het begin van de zwelling). Aannames: niet-gevaccineerde contacten ' +
    'zijn hoogrisicocontacten en krijgen een voorstel tot inhaalvaccinatie (BMR); bij een onbekende status wordt die ' +
    'nagekeken; iedereen let 25 dagen op symptomen.',
  rules: [
    {
      id: 'mumps.unvaccinated',
      description: 'niet gevaccineerd → hoog risico, inhaalvaccinatie voorstellen',
      when: { vaccinated: ['no'] },
      risk: 'high',
      measures: [
        {
          kind: 'vaccination-proposal',
          withinHoursOfLastContact: null,
          note: 'Een BMR-vaccin beschermt niet zeker tegen deze blootstelling, wel tegen een volgende.',
        },
        watch,
      ],
      letterKind: 'mumps-high-risk',
    },
    {
      id: 'mumps.unknown',
      description: 'vaccinatiestatus onbekend → laag risico, status nakijken',
      when: { vaccinated: ['unknown'] },
      risk: 'low',
      measures: [{ kind: 'vaccination-proposal', withinHoursOfLastContact: null }, watch],
      letterKind: 'mumps-low-risk',
    },
    {
      id: 'mumps.vaccinated',
      description: 'gevaccineerd → laag risico',
      when: { vaccinated: ['yes'] },
      risk: 'low',
      measures: [watch],
      letterKind: 'mumps-low-risk',
    },
  ],
  urgency: [
    {
      id: 'mumps.default',
      description: 'beslissen binnen 72 uur',
      urgency: 'normal',
      decisionDeadlineHours: 72,
      alwaysPage: false,
    },
  ],
};
