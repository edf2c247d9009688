import type { ProtocolDefinition } from '../protocol-definition.schema';
import { EXAMPLE_BASE } from './example-common';

const prophylaxis = [
  {
    kind: 'chemoprophylaxis',
    withinHours: 24,
    note: 'Eenmalige dosis antibioticum (bv. ciprofloxacine) op voorschrift.',
  },
  {
    kind: 'vaccination-proposal',
    withinHoursOfLastContact: null,
    note: 'Afhankelijk van de serogroep (A, C, W, Y of B), na typering door het labo.',
  },
] as const;

/** EXAMPLE: invasive meningococcal disease (invasieve meningokokkeninfectie). */
export const MENINGOCOCCAL_EXAMPLE: ProtocolDefinition = {
  ...EXAMPLE_BASE,
  protocolId: 'meningococcal',
  title: 'Invasieve meningokokkeninfectie',
  source:
    'Naar de richtlijn invasieve meningokokkeninfecties van het Agentschap Zorg en Gezondheid en het advies van de ' +
    'Hoge Gezondheidsraad. Hoogrisicocontacten: huisgenoten, leefgroep/kamergenoten in het internaat, kinderen en ' +
    'personeel van dezelfde kleuterklas; chemoprofylaxe zo snel mogelijk, bij voorkeur binnen 24 uur na de diagnose ' +
    '(hier: na de melding). Aanname: bij 2 of meer gevallen in één klas (cluster) is de hele klas hoog risico. Andere ' +
    'schoolcontacten letten 10 dagen op symptomen. Kritiek: de permanentiearts wordt altijd opgeroepen.',
  rules: [
    {
      id: 'meningococcal.household',
      description: 'huisgenoot → hoog risico',
      contactTypes: ['household'],
      risk: 'high',
      measures: [...prophylaxis],
      letterKind: 'meningococcal-high-risk',
    },
    {
      id: 'meningococcal.boarding-group',
      description: 'leefgroep internaat → hoog risico',
      contactTypes: ['boarding-group'],
      risk: 'high',
      measures: [...prophylaxis],
      letterKind: 'meningococcal-high-risk',
    },
    {
      id: 'meningococcal.kleuter-class',
      description: 'kleuterklas (kinderen en personeel) → hoog risico',
      levels: ['kleuter'],
      contactTypes: ['classmate', 'teacher'],
      risk: 'high',
      measures: [...prophylaxis],
      letterKind: 'meningococcal-high-risk',
    },
    {
      id: 'meningococcal.cluster',
      description: '2 of meer gevallen in de klas → hele klas hoog risico',
      contactTypes: ['classmate', 'teacher'],
      when: { minCasesInGroup: 2 },
      risk: 'high',
      measures: [...prophylaxis],
      letterKind: 'meningococcal-high-risk',
    },
    {
      id: 'meningococcal.school',
      description: 'schoolcontact → laag risico',
      risk: 'low',
      measures: [{ kind: 'watch-symptoms', days: 10 }],
      letterKind: 'meningococcal-low-risk',
    },
  ],
  urgency: [
    {
      id: 'meningococcal.critical',
      description: 'kritiek: chemoprofylaxe binnen 24 uur, permanentiearts altijd oproepen',
      urgency: 'critical',
      decisionDeadlineHours: 24,
      alwaysPage: true,
    },
  ],
};
