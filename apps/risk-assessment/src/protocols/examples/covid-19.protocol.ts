import type { ProtocolDefinition } from '../protocol-definition.schema';
import { EXAMPLE_BASE } from './example-common';

const quarantine = [
  { kind: 'quarantine', days: 10, endsEarly: { negativeTestOnDay: 7 } },
  { kind: 'test', onDay: 7 },
] as const;
const watch = [{ kind: 'watch-symptoms', days: 14 }] as const;

/**
 * EXAMPLE: COVID-19 as applied by the CLBs in Flemish schools in the school year 2020-2021 (simplified).
 */
export const COVID_19_EXAMPLE: ProtocolDefinition = {
  ...EXAMPLE_BASE,
  protocolId: 'covid-19',
  title: 'COVID-19',
  source:
    'Vereenvoudigde weergave van het contactonderzoek in Vlaamse scholen in 2020-2021 (draaiboek Agentschap Zorg en ' +
    'Gezondheid / CLB, Sciensano-procedures). Aannames: kinderen in het kleuter- en lager onderwijs zijn onderling ' +
    'laagrisicocontacten, tenzij er 2 of meer gevallen in de klas zijn (dan gaat de hele klas in quarantaine, regel ' +
    'uit februari 2021); in het secundair en buitengewoon onderwijs zijn klasgenoten hoogrisicocontacten (in de ' +
    'praktijk: wie binnen 1,5 m zat zonder mondmasker); leerkrachten zijn laagrisicocontacten (afstand en mondmasker). ' +
    'Quarantaine: 10 dagen na het laatste contact, test op dag 7; bij een negatieve test eindigt de quarantaine na ' +
    'dag 7 (regeling vanaf oktober 2020). Laagrisicocontacten letten 14 dagen op symptomen.',
  rules: [
    {
      id: 'covid-19.household',
      description: 'huisgenoot → hoog risico',
      contactTypes: ['household'],
      risk: 'high',
      measures: [...quarantine],
      letterKind: 'covid-19-high-risk',
    },
    {
      id: 'covid-19.boarding-group',
      description: 'leefgroep internaat → hoog risico',
      contactTypes: ['boarding-group'],
      risk: 'high',
      measures: [...quarantine],
      letterKind: 'covid-19-high-risk',
    },
    {
      id: 'covid-19.basis-cluster',
      description: '2 of meer gevallen in de klas → hele klas hoog risico',
      levels: ['kleuter', 'lager'],
      contactTypes: ['classmate'],
      when: { minCasesInGroup: 2 },
      risk: 'high',
      measures: [...quarantine],
      letterKind: 'covid-19-high-risk',
    },
    {
      id: 'covid-19.basis-classmate',
      description: 'klasgenoot jonger dan 12 jaar, 1 geval in de klas → laag risico',
      levels: ['kleuter', 'lager'],
      contactTypes: ['classmate'],
      risk: 'low',
      measures: [...watch],
      letterKind: 'covid-19-low-risk',
    },
    {
      id: 'covid-19.secundair-classmate',
      description: 'klasgenoot → hoog risico',
      levels: ['secundair', 'buitengewoon'],
      contactTypes: ['classmate'],
      risk: 'high',
      measures: [...quarantine],
      letterKind: 'covid-19-high-risk',
    },
    {
      id: 'covid-19.teacher',
      description: 'leerkracht (afstand en mondmasker) → laag risico',
      contactTypes: ['teacher'],
      risk: 'low',
      measures: [...watch],
      letterKind: 'covid-19-low-risk',
    },
    {
      id: 'covid-19.activity',
      description: 'activiteit (uitstap, bus, sport) → laag risico',
      contactTypes: ['activity'],
      risk: 'low',
      measures: [...watch],
      letterKind: 'covid-19-low-risk',
    },
  ],
  urgency: [
    {
      id: 'covid-19.recent',
      description: 'index de voorbije 2 dagen op school → contactonderzoek binnen 24 uur',
      when: { maxDaysSinceLastDayPresent: 2 },
      urgency: 'high',
      decisionDeadlineHours: 24,
      alwaysPage: false,
    },
    {
      id: 'covid-19.default',
      description: 'contactonderzoek binnen 48 uur',
      urgency: 'normal',
      decisionDeadlineHours: 48,
      alwaysPage: false,
    },
  ],
};
