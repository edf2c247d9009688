import type { ProtocolDefinition } from '../protocol-definition.schema';
import { EXAMPLE_BASE } from './example-common';

/** EXAMPLE fallback for any other disease: no proposal; the doctor decides everything. */
export const OTHER_EXAMPLE: ProtocolDefinition = {
  ...EXAMPLE_BASE,
  protocolId: 'other',
  title: 'Andere infectieziekte',
  source:
    'Geen protocol: het systeem stelt niets voor (geen risico, geen maatregelen, geen brief); de arts beoordeelt ' +
    'elk contact zelf.',
  rules: [
    {
      id: 'other.doctor-decides',
      description: 'geen protocol → de arts beslist',
      risk: 'none',
      measures: [],
      letterKind: null,
    },
  ],
  urgency: [
    {
      id: 'other.default',
      description: 'geen termijn: de arts beslist',
      urgency: 'normal',
      decisionDeadlineHours: null,
      alwaysPage: false,
    },
  ],
};
