/**
 * The Dutch catalog: the default and the reference. Every other language translates these keys; a key missing
 * there falls back to this text (and the letter is flagged). Placeholders are `{name}`; values are plain text
 * (the HTML renderer escapes everything).
 */
export const nl = {
  'subject.high-risk': 'Belangrijk: maatregelen voor {children} na een geval van {disease}',
  'subject.low-risk': 'Informatie en maatregelen voor {children} na een geval van {disease}',
  'subject.school-notice': 'Bericht voor de school: {disease}, betrokken klassen en maatregelen',
  'subject.information': 'Informatie over {disease} op {school}',
  'subject.staff-page': 'Permanentie: nieuwe beslissing over {disease} op {school}',
  'subject.update': 'Gewijzigd: {subject}',
  greeting: 'Beste {name},',
  'intro.high-risk':
    '{children} had op {school} nauw contact met iemand met {disease}. De arts van het CLB heeft daarom de volgende maatregelen beslist.',
  'intro.low-risk':
    'Op {school} kwam een geval van {disease} voor. {children} had geen nauw contact. Volg wel de volgende maatregelen.',
  'intro.school-notice':
    'Op uw school kwam een geval van {disease} voor. Hieronder staan de betrokken klassen, de maatregelen en de data. Deel geen namen of medische gegevens.',
  'intro.information':
    'Op {school} kwam een geval van {disease} voor. Er is geen reden tot ongerustheid. Met deze brief informeren we u.',
  'intro.staff-page':
    'Er is een nieuwe beslissing over {disease} op {school}. Bekijk de maatregelen hieronder.',
  update:
    'De maatregelen zijn gewijzigd. Hieronder staan de nieuwe maatregelen. De vorige brief geldt niet meer.',
  'section.child': 'Maatregelen voor {name}',
  'section.class': 'Klas {name}',
  'section.changed': 'gewijzigd',
  'section.none': 'Geen bijzondere maatregelen.',
  'measure.quarantine': 'Quarantaine: thuisblijven tot en met {date}.',
  'measure.quarantine.open': 'Quarantaine: thuisblijven tot u een nieuw bericht van het CLB krijgt.',
  'measure.exclusion': 'Niet naar school tot en met {date}.',
  'measure.exclusion.open': 'Niet naar school tot u een nieuw bericht van het CLB krijgt.',
  'measure.test': 'Laat een test afnemen op {date}.',
  'measure.test.open': 'Laat zo snel mogelijk een test afnemen.',
  'measure.chemoprophylaxis':
    'Preventieve antibiotica (profylaxe) innemen vóór {date}. Uw huisarts schrijft ze voor.',
  'measure.chemoprophylaxis.open':
    'Preventieve antibiotica (profylaxe) zo snel mogelijk innemen. Uw huisarts schrijft ze voor.',
  'measure.vaccination-proposal': 'Controleer de vaccinatie en laat indien nodig vaccineren vóór {date}.',
  'measure.vaccination-proposal.open':
    'Controleer de vaccinatie en laat indien nodig zo snel mogelijk vaccineren.',
  'measure.watch-symptoms': 'Let op ziektetekens tot en met {date}. Bel bij klachten de huisarts.',
  'measure.watch-symptoms.open': 'Let op ziektetekens. Bel bij klachten de huisarts.',
  'measure.return': 'Terug naar school op {date}.',
  'measure.early-return': 'Met een negatieve test mag uw kind al terug naar school op {date}.',
  'advice.heading': 'Over {disease}',
  'disease.covid-19.name': 'COVID-19',
  'disease.covid-19.advice': 'Was vaak de handen, verlucht de kamers en blijf thuis bij koorts of hoest.',
  'disease.mumps.name': 'bof',
  'disease.mumps.advice':
    'Bof geeft pijnlijke, gezwollen wangen. Kijk na of uw kind twee keer gevaccineerd is (BMR).',
  'disease.measles.name': 'mazelen',
  'disease.measles.advice':
    'Mazelen is zeer besmettelijk. Bel eerst de huisarts voor u gaat, zodat u niemand in de wachtzaal besmet.',
  'disease.meningococcal.name': 'meningokokkenziekte',
  'disease.meningococcal.advice':
    'Bel meteen een arts of 112 bij hoge koorts, sufheid, een stijve nek of paarsrode vlekjes op de huid.',
  'disease.pertussis.name': 'kinkhoest',
  'disease.pertussis.advice':
    'Kinkhoest is gevaarlijk voor baby’s. Houd een hoestend kind weg van baby’s en zwangere vrouwen.',
  'disease.scarlet-fever.name': 'roodvonk',
  'disease.scarlet-fever.advice':
    'Ga naar de huisarts bij keelpijn, koorts en rode uitslag. Na 24 uur antibiotica is uw kind niet meer besmettelijk.',
  'disease.other.name': 'een besmettelijke ziekte',
  'disease.other.advice': 'Was vaak de handen en bel de huisarts als uw kind ziek wordt.',
  contact: 'Hebt u vragen? Neem contact op met {clb}.',
  closing: 'Met vriendelijke groeten,',
  'sms.high-risk': '{clb}: belangrijke maatregelen voor {children} ({disease}). {dates} Brief: {url}',
  'sms.low-risk': '{clb}: informatie over {disease} voor {children}. {dates} Brief: {url}',
  'sms.school-notice': '{clb}: {disease} op {school}. Klassen en maatregelen: {url}',
  'sms.information': '{clb}: informatie over {disease} op {school}: {url}',
  'sms.staff-page': 'Permanentie {clb}: nieuwe beslissing over {disease} op {school}: {url}',
  'sms.update': '{clb}: de maatregelen voor {children} zijn gewijzigd. {dates} Brief: {url}',
  'sms.date.return': '{name} terug naar school op {date}.',
  'sms.date.until': '{name} thuis tot en met {date}.',
  'sms.date.test': '{name}: test op {date}.',
  'sms.date.deadline': '{name}: naar de huisarts voor {date}.',
  'ics.return': 'Terug naar school: {name}',
  'ics.until': 'Laatste dag thuis: {name}',
  'ics.test': 'Testdag: {name}',
  'ics.deadline': 'Uiterste dag huisarts (profylaxe of vaccinatie): {name}',
  'ics.description': '{clb}, {disease}: {url}',
} as const;

export type MessageKey = keyof typeof nl;

/** A translation: any key may be missing (it then falls back to Dutch, flagged). */
export type Catalog = Readonly<Partial<Record<MessageKey, string>>>;
