import type { Catalog } from './nl';

export const en: Catalog = {
  'subject.high-risk': 'Important: measures for {children} after a case of {disease}',
  'subject.low-risk': 'Information and measures for {children} after a case of {disease}',
  'subject.school-notice': 'Notice to the school: {disease}, classes concerned and measures',
  'subject.information': 'Information about {disease} at {school}',
  'subject.staff-page': 'On call: new decision on {disease} at {school}',
  'subject.update': 'Changed: {subject}',
  greeting: 'Dear {name},',
  'intro.high-risk':
    '{children} was in close contact at {school} with someone who has {disease}. The CLB doctor has therefore decided on the following measures.',
  'intro.low-risk':
    'There was a case of {disease} at {school}. {children} was not in close contact. Please still follow the measures below.',
  'intro.school-notice':
    'There was a case of {disease} at your school. Below are the classes concerned, the measures and the dates. Please do not share any names or medical details.',
  'intro.information':
    'There was a case of {disease} at {school}. There is no reason to worry. This letter is to keep you informed.',
  'intro.staff-page': 'There is a new decision on {disease} at {school}. See the measures below.',
  update: 'The measures have changed. The new measures are below. The previous letter no longer applies.',
  'section.child': 'Measures for {name}',
  'section.class': 'Class {name}',
  'section.changed': 'changed',
  'section.none': 'No special measures.',
  'measure.quarantine': 'Quarantine: stay at home up to and including {date}.',
  'measure.quarantine.open': 'Quarantine: stay at home until you hear from the CLB again.',
  'measure.exclusion': 'No school up to and including {date}.',
  'measure.exclusion.open': 'No school until you hear from the CLB again.',
  'measure.test': 'Get tested on {date}.',
  'measure.test.open': 'Get tested as soon as possible.',
  'measure.chemoprophylaxis':
    'Take preventive antibiotics (prophylaxis) before {date}. Your family doctor will prescribe them.',
  'measure.chemoprophylaxis.open':
    'Take preventive antibiotics (prophylaxis) as soon as possible. Your family doctor will prescribe them.',
  'measure.vaccination-proposal':
    'Check the vaccination record and, if needed, get vaccinated before {date}.',
  'measure.vaccination-proposal.open':
    'Check the vaccination record and, if needed, get vaccinated as soon as possible.',
  'measure.watch-symptoms':
    'Watch for signs of illness up to and including {date}. If there are any, call your family doctor.',
  'measure.watch-symptoms.open': 'Watch for signs of illness. If there are any, call your family doctor.',
  'measure.return': 'Back at school on {date}.',
  'measure.early-return': 'With a negative test, your child may go back to school from {date}.',
  'advice.heading': 'About {disease}',
  'disease.covid-19.name': 'COVID-19',
  'disease.covid-19.advice': 'Wash hands often, air the rooms and stay at home with a fever or a cough.',
  'disease.mumps.name': 'mumps',
  'disease.mumps.advice':
    'Mumps causes painful, swollen cheeks. Check that your child has had two doses of the MMR vaccine.',
  'disease.measles.name': 'measles',
  'disease.measles.advice':
    'Measles is very contagious. Call your doctor before you go, so that you do not infect anyone in the waiting room.',
  'disease.meningococcal.name': 'meningococcal disease',
  'disease.meningococcal.advice':
    'Call a doctor or 112 at once for a high fever, drowsiness, a stiff neck or small purple spots on the skin.',
  'disease.pertussis.name': 'whooping cough',
  'disease.pertussis.advice':
    'Whooping cough is dangerous for babies. Keep a coughing child away from babies and pregnant women.',
  'disease.scarlet-fever.name': 'scarlet fever',
  'disease.scarlet-fever.advice':
    'See your family doctor for a sore throat, fever and a red rash. After 24 hours of antibiotics your child is no longer contagious.',
  'disease.other.name': 'a contagious disease',
  'disease.other.advice': 'Wash hands often and call your family doctor if your child becomes ill.',
  contact: 'Any questions? Please contact {clb}.',
  closing: 'Kind regards,',
  'sms.high-risk': '{clb}: important measures for {children} ({disease}). {dates} Letter: {url}',
  'sms.low-risk': '{clb}: information about {disease} for {children}. {dates} Letter: {url}',
  'sms.school-notice': '{clb}: {disease} at {school}. Classes and measures: {url}',
  'sms.information': '{clb}: information about {disease} at {school}: {url}',
  'sms.staff-page': 'On call {clb}: new decision on {disease} at {school}: {url}',
  'sms.update': '{clb}: the measures for {children} have changed. {dates} Letter: {url}',
  'sms.date.return': '{name} back at school on {date}.',
  'sms.date.until': '{name} stays at home up to and including {date}.',
  'sms.date.test': '{name}: test on {date}.',
  'sms.date.deadline': '{name}: see the doctor before {date}.',
  'ics.return': 'Back to school: {name}',
  'ics.until': 'Last day at home: {name}',
  'ics.test': 'Test day: {name}',
  'ics.deadline': 'Last day to see the doctor (prophylaxis or vaccination): {name}',
  'ics.description': '{clb}, {disease}: {url}',
};
