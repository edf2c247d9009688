/** Every user-facing text of the registry, together for translation (Dutch, the users' language). */
export const REGISTRY_MESSAGES = {
  invalidInput: 'De invoer is ongeldig.',
  clbNotFound: 'Dit CLB bestaat niet of u hebt er geen toegang toe.',
  schoolNotFound: 'Deze school bestaat niet of u hebt er geen toegang toe.',
  field: {
    clbName: 'De naam van het CLB is verplicht (hoogstens 200 tekens).',
    clbNameTaken: 'Er bestaat al een CLB met deze naam.',
    clbId: 'Kies een bestaand CLB.',
    extraClbIds: 'Kies bestaande CLB’s, verschillend van het eigen CLB van de school.',
    instellingsnummer: 'Het instellingsnummer bestaat uit precies 6 cijfers.',
    instellingsnummerTaken: 'Er bestaat al een school met dit instellingsnummer.',
    schoolName: 'De naam van de school is verplicht (hoogstens 200 tekens).',
    street: 'Straat en huisnummer zijn verplicht (hoogstens 200 tekens).',
    postalCode: 'De postcode bestaat uit 4 cijfers.',
    city: 'De gemeente is verplicht (hoogstens 100 tekens).',
    address: 'Het adres is verplicht.',
    levels: 'Kies minstens één onderwijsniveau: kleuter, lager, secundair of buitengewoon.',
    isInternaat: 'Geef aan of de school een internaat is (true of false).',
  },
} as const;
