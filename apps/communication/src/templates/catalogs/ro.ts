import type { Catalog } from './nl';

export const ro: Catalog = {
  'subject.high-risk': 'Important: măsuri pentru {children} după un caz de {disease}',
  'subject.low-risk': 'Informații și măsuri pentru {children} după un caz de {disease}',
  'subject.school-notice': 'Anunț pentru școală: {disease}, clasele vizate și măsurile',
  'subject.information': 'Informații despre {disease} la {school}',
  'subject.staff-page': 'Permanență: decizie nouă privind {disease} la {school}',
  'subject.update': 'Modificat: {subject}',
  greeting: 'Stimate/Stimată {name},',
  'intro.high-risk':
    '{children} a avut la {school} un contact apropiat cu o persoană bolnavă de {disease}. De aceea, medicul CLB a decis următoarele măsuri.',
  'intro.low-risk':
    'La {school} a apărut un caz de {disease}. {children} nu a avut un contact apropiat. Vă rugăm totuși să respectați următoarele măsuri.',
  'intro.school-notice':
    'În școala dumneavoastră a apărut un caz de {disease}. Mai jos găsiți clasele vizate, măsurile și datele. Vă rugăm să nu transmiteți nume sau date medicale.',
  'intro.information':
    'La {school} a apărut un caz de {disease}. Nu este motiv de îngrijorare. Prin această scrisoare vă informăm.',
  'intro.staff-page': 'Există o decizie nouă privind {disease} la {school}. Vedeți măsurile mai jos.',
  update: 'Măsurile s-au schimbat. Mai jos găsiți noile măsuri. Scrisoarea anterioară nu mai este valabilă.',
  'section.child': 'Măsuri pentru {name}',
  'section.class': 'Clasa {name}',
  'section.changed': 'modificat',
  'section.none': 'Nicio măsură specială.',
  'measure.quarantine': 'Carantină: stați acasă până pe {date} inclusiv.',
  'measure.quarantine.open': 'Carantină: stați acasă până primiți un nou mesaj de la CLB.',
  'measure.exclusion': 'Fără școală până pe {date} inclusiv.',
  'measure.exclusion.open': 'Fără școală până primiți un nou mesaj de la CLB.',
  'measure.test': 'Faceți un test pe {date}.',
  'measure.test.open': 'Faceți un test cât mai curând posibil.',
  'measure.chemoprophylaxis':
    'Luați antibiotice preventive (profilaxie) înainte de {date}. Medicul de familie le prescrie.',
  'measure.chemoprophylaxis.open':
    'Luați antibiotice preventive (profilaxie) cât mai curând posibil. Medicul de familie le prescrie.',
  'measure.vaccination-proposal':
    'Verificați vaccinarea și, dacă este nevoie, vaccinați-vă înainte de {date}.',
  'measure.vaccination-proposal.open':
    'Verificați vaccinarea și, dacă este nevoie, vaccinați-vă cât mai curând posibil.',
  'measure.watch-symptoms':
    'Urmăriți semnele de boală până pe {date} inclusiv. Dacă apar simptome, sunați medicul de familie.',
  'measure.watch-symptoms.open': 'Urmăriți semnele de boală. Dacă apar simptome, sunați medicul de familie.',
  'measure.return': 'Întoarcerea la școală: {date}.',
  'measure.early-return': 'Cu un test negativ, copilul se poate întoarce la școală începând cu {date}.',
  'advice.heading': 'Despre boală: {disease}',
  'disease.covid-19.name': 'COVID-19',
  'disease.covid-19.advice':
    'Spălați-vă des pe mâini, aerisiți camerele și stați acasă dacă aveți febră sau tuse.',
  'disease.mumps.name': 'oreion',
  'disease.mumps.advice':
    'Oreionul umflă dureros obrajii. Verificați dacă copilul a primit două doze de vaccin ROR.',
  'disease.measles.name': 'rujeolă',
  'disease.measles.advice':
    'Rujeola este foarte contagioasă. Sunați medicul înainte să mergeți, ca să nu infectați pe nimeni în sala de așteptare.',
  'disease.meningococcal.name': 'boală meningococică',
  'disease.meningococcal.advice':
    'Sunați imediat un medic sau la 112 în caz de febră mare, somnolență, gât înțepenit sau pete mici violete pe piele.',
  'disease.pertussis.name': 'tuse convulsivă',
  'disease.pertussis.advice':
    'Tusea convulsivă este periculoasă pentru bebeluși. Țineți copilul care tușește departe de bebeluși și de femeile însărcinate.',
  'disease.scarlet-fever.name': 'scarlatină',
  'disease.scarlet-fever.advice':
    'Mergeți la medicul de familie în caz de durere în gât, febră și erupție roșie. După 24 de ore de antibiotic, copilul nu mai este contagios.',
  'disease.other.name': 'o boală contagioasă',
  'disease.other.advice':
    'Spălați-vă des pe mâini și sunați medicul de familie dacă copilul se îmbolnăvește.',
  contact: 'Aveți întrebări? Contactați {clb}.',
  closing: 'Cu stimă,',
  'sms.high-risk': '{clb}: măsuri importante pentru {children} ({disease}). {dates} Scrisoare: {url}',
  'sms.low-risk': '{clb}: informații despre {disease} pentru {children}. {dates} Scrisoare: {url}',
  'sms.school-notice': '{clb}: {disease} la {school}. Clase și măsuri: {url}',
  'sms.information': '{clb}: informații despre {disease} la {school}: {url}',
  'sms.staff-page': 'Permanență {clb}: decizie nouă privind {disease} la {school}: {url}',
  'sms.update': '{clb}: măsurile pentru {children} s-au schimbat. {dates} Scrisoare: {url}',
  'sms.date.return': '{name} se întoarce la școală pe {date}.',
  'sms.date.until': '{name} stă acasă până pe {date} inclusiv.',
  'sms.date.test': '{name}: test pe {date}.',
  'sms.date.deadline': '{name}: la medic înainte de {date}.',
  'ics.return': 'Întoarcerea la școală: {name}',
  'ics.until': 'Ultima zi acasă: {name}',
  'ics.test': 'Ziua testului: {name}',
  'ics.deadline': 'Ultima zi pentru medic (profilaxie sau vaccinare): {name}',
  'ics.description': '{clb}, {disease}: {url}',
};
