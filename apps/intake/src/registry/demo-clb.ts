import type { RegisterClbCommand } from './use-cases/register-clb.use-case';

/** The demo CLB that `npm start` seeds, so a fresh checkout has something to look at. */
export const DEMO_CLB: RegisterClbCommand = {
  name: 'Vrij CLB Demo Gent',
  schools: [
    {
      instellingsnummer: '900001',
      name: 'Basisschool De Regenboog',
      levels: ['kleuter', 'lager'],
      address: { street: 'Regenboogstraat 1', postalCode: '9000', city: 'Gent' },
      isInternaat: false,
    },
    {
      instellingsnummer: '900002',
      name: 'Sint-Lievenscollege Demo',
      levels: ['secundair'],
      address: { street: 'Kollegelaan 2', postalCode: '9000', city: 'Gent' },
      isInternaat: false,
    },
    {
      instellingsnummer: '900003',
      name: 'Internaat Ter Schelde',
      levels: ['buitengewoon'],
      address: { street: 'Scheldekaai 3', postalCode: '9050', city: 'Gentbrugge' },
      isInternaat: true,
    },
  ],
};
