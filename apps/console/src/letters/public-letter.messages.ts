/** Texts of the public letter page (for parents; Dutch first, ready for translation). */
export const PUBLIC_LETTER_MESSAGES = {
  notFoundTitle: 'Brief niet gevonden',
  notFound:
    'Deze brief bestaat niet (meer). De link in uw sms is misschien verlopen of onvolledig overgenomen. ' +
    'Neem contact op met het CLB van de school als u de brief nog nodig hebt.',
  tooManyTitle: 'Even geduld',
  tooMany: 'U hebt deze pagina te vaak na elkaar geopend. Probeer het over een minuut opnieuw.',
  unavailableTitle: 'Even niet beschikbaar',
  unavailable: 'De brief kan nu niet getoond worden. Probeer het zo dadelijk opnieuw.',
} as const;
