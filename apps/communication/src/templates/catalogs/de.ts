import type { Catalog } from './nl';

export const de: Catalog = {
  'subject.high-risk': 'Wichtig: Maßnahmen für {children} nach einem Fall von {disease}',
  'subject.low-risk': 'Information und Maßnahmen für {children} nach einem Fall von {disease}',
  'subject.school-notice': 'Mitteilung an die Schule: {disease}, betroffene Klassen und Maßnahmen',
  'subject.information': 'Information über {disease} an der Schule {school}',
  'subject.staff-page': 'Bereitschaft: neue Entscheidung zu {disease} an der Schule {school}',
  'subject.update': 'Geändert: {subject}',
  greeting: 'Guten Tag {name},',
  'intro.high-risk':
    '{children} hatte an der Schule {school} engen Kontakt mit einer Person mit {disease}. Die Ärztin oder der Arzt des CLB hat deshalb folgende Maßnahmen beschlossen.',
  'intro.low-risk':
    'An der Schule {school} gab es einen Fall von {disease}. {children} hatte keinen engen Kontakt. Bitte befolgen Sie trotzdem folgende Maßnahmen.',
  'intro.school-notice':
    'An Ihrer Schule gab es einen Fall von {disease}. Unten finden Sie die betroffenen Klassen, die Maßnahmen und die Daten. Geben Sie keine Namen oder medizinischen Daten weiter.',
  'intro.information':
    'An der Schule {school} gab es einen Fall von {disease}. Es gibt keinen Grund zur Sorge. Mit diesem Brief informieren wir Sie.',
  'intro.staff-page':
    'Es gibt eine neue Entscheidung zu {disease} an der Schule {school}. Die Maßnahmen stehen unten.',
  update:
    'Die Maßnahmen haben sich geändert. Unten stehen die neuen Maßnahmen. Der vorige Brief gilt nicht mehr.',
  'section.child': 'Maßnahmen für {name}',
  'section.class': 'Klasse {name}',
  'section.changed': 'geändert',
  'section.none': 'Keine besonderen Maßnahmen.',
  'measure.quarantine': 'Quarantäne: zu Hause bleiben bis einschließlich {date}.',
  'measure.quarantine.open': 'Quarantäne: zu Hause bleiben bis zu einer neuen Nachricht des CLB.',
  'measure.exclusion': 'Kein Schulbesuch bis einschließlich {date}.',
  'measure.exclusion.open': 'Kein Schulbesuch bis zu einer neuen Nachricht des CLB.',
  'measure.test': 'Lassen Sie am {date} einen Test machen.',
  'measure.test.open': 'Lassen Sie so bald wie möglich einen Test machen.',
  'measure.chemoprophylaxis':
    'Vorbeugende Antibiotika (Prophylaxe) vor dem {date} einnehmen. Ihre Hausärztin oder Ihr Hausarzt verschreibt sie.',
  'measure.chemoprophylaxis.open':
    'Vorbeugende Antibiotika (Prophylaxe) so bald wie möglich einnehmen. Ihre Hausärztin oder Ihr Hausarzt verschreibt sie.',
  'measure.vaccination-proposal':
    'Prüfen Sie den Impfschutz und lassen Sie, falls nötig, vor dem {date} impfen.',
  'measure.vaccination-proposal.open':
    'Prüfen Sie den Impfschutz und lassen Sie, falls nötig, so bald wie möglich impfen.',
  'measure.watch-symptoms':
    'Achten Sie bis einschließlich {date} auf Krankheitszeichen. Rufen Sie bei Beschwerden die Hausarztpraxis an.',
  'measure.watch-symptoms.open':
    'Achten Sie auf Krankheitszeichen. Rufen Sie bei Beschwerden die Hausarztpraxis an.',
  'measure.return': 'Zurück in die Schule am {date}.',
  'measure.early-return': 'Mit einem negativen Test darf Ihr Kind schon am {date} wieder in die Schule.',
  'advice.heading': 'Über: {disease}',
  'disease.covid-19.name': 'COVID-19',
  'disease.covid-19.advice':
    'Waschen Sie oft die Hände, lüften Sie die Räume und bleiben Sie bei Fieber oder Husten zu Hause.',
  'disease.mumps.name': 'Mumps',
  'disease.mumps.advice':
    'Mumps verursacht schmerzhafte, geschwollene Wangen. Prüfen Sie, ob Ihr Kind zweimal geimpft ist (MMR).',
  'disease.measles.name': 'Masern',
  'disease.measles.advice':
    'Masern sind sehr ansteckend. Rufen Sie vor dem Besuch in der Praxis an, damit Sie niemanden im Wartezimmer anstecken.',
  'disease.meningococcal.name': 'Meningokokken-Erkrankung',
  'disease.meningococcal.advice':
    'Rufen Sie sofort einen Arzt oder die 112 bei hohem Fieber, Benommenheit, steifem Nacken oder kleinen violetten Flecken auf der Haut.',
  'disease.pertussis.name': 'Keuchhusten',
  'disease.pertussis.advice':
    'Keuchhusten ist für Babys gefährlich. Halten Sie ein hustendes Kind von Babys und Schwangeren fern.',
  'disease.scarlet-fever.name': 'Scharlach',
  'disease.scarlet-fever.advice':
    'Gehen Sie bei Halsschmerzen, Fieber und rotem Ausschlag zur Hausarztpraxis. Nach 24 Stunden Antibiotika ist Ihr Kind nicht mehr ansteckend.',
  'disease.other.name': 'eine ansteckende Krankheit',
  'disease.other.advice':
    'Waschen Sie oft die Hände und rufen Sie die Hausarztpraxis an, wenn Ihr Kind krank wird.',
  contact: 'Haben Sie Fragen? Wenden Sie sich an {clb}.',
  closing: 'Mit freundlichen Grüßen',
  'sms.high-risk': '{clb}: wichtige Maßnahmen für {children} ({disease}). {dates} Brief: {url}',
  'sms.low-risk': '{clb}: Information über {disease} für {children}. {dates} Brief: {url}',
  'sms.school-notice': '{clb}: {disease} an der Schule {school}. Klassen und Maßnahmen: {url}',
  'sms.information': '{clb}: Information über {disease} an der Schule {school}: {url}',
  'sms.staff-page': 'Bereitschaft {clb}: neue Entscheidung zu {disease} an der Schule {school}: {url}',
  'sms.update': '{clb}: Die Maßnahmen für {children} haben sich geändert. {dates} Brief: {url}',
  'sms.date.return': '{name} zurück in die Schule am {date}.',
  'sms.date.until': '{name} bleibt zu Hause bis einschließlich {date}.',
  'sms.date.test': '{name}: Test am {date}.',
  'sms.date.deadline': '{name}: vor dem {date} zur Hausarztpraxis.',
  'ics.return': 'Zurück in die Schule: {name}',
  'ics.until': 'Letzter Tag zu Hause: {name}',
  'ics.test': 'Testtag: {name}',
  'ics.deadline': 'Letzter Tag für die Hausarztpraxis (Prophylaxe oder Impfung): {name}',
  'ics.description': '{clb}, {disease}: {url}',
};
