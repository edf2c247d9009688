import type { Disease } from '@meldpunt/contracts';
import type { ProtocolDefinition } from '../protocol-definition.schema';
import { COVID_19_EXAMPLE } from './covid-19.protocol';
import { MEASLES_EXAMPLE } from './measles.protocol';
import { MENINGOCOCCAL_EXAMPLE } from './meningococcal.protocol';
import { MUMPS_EXAMPLE } from './mumps.protocol';
import { OTHER_EXAMPLE } from './other.protocol';
import { PERTUSSIS_EXAMPLE } from './pertussis.protocol';
import { SCARLET_FEVER_EXAMPLE } from './scarlet-fever.protocol';

/**
 * The shipped EXAMPLE protocols, one per disease a school can report. Each is flagged `example: true` with a
 * warning: a CLB doctor must validate (and adapt) it before use. Seeded as version 1 at start.
 */
export const EXAMPLE_PROTOCOLS: Readonly<Record<Disease, ProtocolDefinition>> = {
  'covid-19': COVID_19_EXAMPLE,
  mumps: MUMPS_EXAMPLE,
  measles: MEASLES_EXAMPLE,
  meningococcal: MENINGOCOCCAL_EXAMPLE,
  pertussis: PERTUSSIS_EXAMPLE,
  'scarlet-fever': SCARLET_FEVER_EXAMPLE,
  other: OTHER_EXAMPLE,
};
