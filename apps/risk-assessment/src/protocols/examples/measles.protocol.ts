import type { ProtocolDefinition } from '../protocol-definition.schema';
import { EXAMPLE_BASE } from './example-common';

const susceptible = [
  { kind: 'exclusion', days: 18 },
  {
    kind: 'vaccination-proposal',
    withinHoursOfLastContact: 72,
    note: 'Wie binnen 72 uur na het contact een BMR-vaccin krijgt, mag in overleg met de arts terug naar school.',
  },
  { kind: 'watch-symptoms', days: 21 },
] as const;

/** EXAMPLE: measles (mazelen). */
export const MEASLES_EXAMPLE: ProtocolDefinition = {
  ...EXAMPLE_BASE,
  protocolId: 'measles',
  title: 'Mazelen',
  source:
    'Naar de richtlijn mazelen van het Agentschap Zorg en Gezondheid (infectieziekten in scholen, CLB). Incubatie 7 ' +
    'tot 21 dagen. Aannames: niet-gevaccineerde contacten (of met onbekende vaccinatiestatus, tot het bewijs van 2 ' +
    'dosissen BMR) zijn hoogrisicocontacten en worden 18 dagen na het laatste contact van school geweerd; ' +
    'postexpositievaccinatie binnen 72 uur. Gevaccineerde contacten letten 21 dagen op symptomen.',
  rules: [
    {
      id: 'measles.unvaccinated',
      description: 'niet gevaccineerd → hoog risico',
      when: { vaccinated: ['no'] },
      risk: 'high',
      measures: [...susceptible],
      letterKind: 'measles-high-risk',
    },
    {
      id: 'measles.unknown',
      description: 'vaccinatiestatus onbekend → hoog risico tot het vaccinatiebewijs er is',
      when: { vaccinated: ['unknown'] },
      risk: 'high',
      measures: [...susceptible],
      letterKind: 'measles-high-risk',
    },
    {
      id: 'measles.vaccinated',
      description: 'gevaccineerd → laag risico',
      when: { vaccinated: ['yes'] },
      risk: 'low',
      measures: [{ kind: 'watch-symptoms', days: 21 }],
      letterKind: 'measles-low-risk',
    },
  ],
  urgency: [
    {
      id: 'measles.vaccination-window',
      description: 'index de voorbije 3 dagen op school → beslissen binnen 24 uur (vaccinatie binnen 72 uur)',
      when: { maxDaysSinceLastDayPresent: 3 },
      urgency: 'high',
      decisionDeadlineHours: 24,
      alwaysPage: true,
    },
    {
      id: 'measles.default',
      description: 'beslissen binnen 48 uur',
      urgency: 'high',
      decisionDeadlineHours: 48,
      alwaysPage: false,
    },
  ],
};
