import type { Role } from '@meldpunt/auth';

/** The demo school and CLB that intake's seed registers (apps/intake/src/registry/demo-clb.ts). */
export const DEMO_SCHOOL_NAME = 'Basisschool De Regenboog';

/** Development only: the seed refuses NODE_ENV=production. */
export const DEMO_PASSWORD = 'Meldpunt-demo-2026';

export interface DemoUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** Which demo tenancy the account is bound to. */
  readonly binding: 'none' | 'demo-school' | 'demo-clb';
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@meldpunt.test', displayName: 'Beheerder Meldpunt', role: 'admin', binding: 'none' },
  {
    email: 'school@meldpunt.test',
    displayName: 'Directie De Regenboog',
    role: 'school',
    binding: 'demo-school',
  },
  { email: 'arts@meldpunt.test', displayName: 'Dr. An Demo (CLB-arts)', role: 'doctor', binding: 'demo-clb' },
  {
    email: 'medewerker@meldpunt.test',
    displayName: 'Bart Demo (CLB-medewerker)',
    role: 'clb-staff',
    binding: 'demo-clb',
  },
  {
    email: 'coordinator@meldpunt.test',
    displayName: 'Carla Demo (coördinator)',
    role: 'coordinator',
    binding: 'demo-clb',
  },
];
