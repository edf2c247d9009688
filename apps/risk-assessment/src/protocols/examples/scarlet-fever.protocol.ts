import type { ProtocolDefinition } from '../protocol-definition.schema';
import { EXAMPLE_BASE } from './example-common';

/** EXAMPLE: scarlet fever (roodvonk). */
export const SCARLET_FEVER_EXAMPLE: ProtocolDefinition = {
  ...EXAMPLE_BASE,
  protocolId: 'scarlet-fever',
  title: 'Roodvonk',
  source:
    'Naar de richtlijn roodvonk (groep A-streptokokken) van het Agentschap Zorg en Gezondheid. Incubatie 1 tot 7 ' +
    'dagen; contacten worden niet geweerd en krijgen geen profylaxe (de index blijft thuis tot 24 uur na de start ' +
    'van de antibiotica). Aanname: bij 3 of meer gevallen in een kleuter- of lagere klas krijgen de ouders een ' +
    'aparte brief en overlegt de arts (risico op invasieve GAS-infecties).',
  rules: [
    {
      id: 'scarlet-fever.cluster',
      description: '3 of meer gevallen in de klas → laag risico, clusterbrief',
      levels: ['kleuter', 'lager'],
      contactTypes: ['classmate'],
      when: { minCasesInGroup: 3 },
      risk: 'low',
      measures: [{ kind: 'watch-symptoms', days: 7, note: 'Bij keelpijn en koorts: naar de huisarts.' }],
      letterKind: 'scarlet-fever-cluster',
    },
    {
      id: 'scarlet-fever.contact',
      description: 'contact → laag risico',
      risk: 'low',
      measures: [{ kind: 'watch-symptoms', days: 7 }],
      letterKind: 'scarlet-fever-low-risk',
    },
  ],
  urgency: [
    {
      id: 'scarlet-fever.default',
      description: 'beslissen binnen 72 uur',
      urgency: 'normal',
      decisionDeadlineHours: 72,
      alwaysPage: false,
    },
  ],
};
