import type { Catalog } from './nl';

export const fr: Catalog = {
  'subject.high-risk': 'Important : mesures pour {children} après un cas de {disease}',
  'subject.low-risk': 'Information et mesures pour {children} après un cas de {disease}',
  'subject.school-notice': 'Avis à l’école : {disease}, classes concernées et mesures',
  'subject.information': 'Information sur {disease} à {school}',
  'subject.staff-page': 'Permanence : nouvelle décision sur {disease} à {school}',
  'subject.update': 'Modifié : {subject}',
  greeting: 'Bonjour {name},',
  'intro.high-risk':
    '{children} a eu un contact étroit à {school} avec une personne atteinte de {disease}. Le médecin du CLB a donc décidé les mesures suivantes.',
  'intro.low-risk':
    'Un cas de {disease} est survenu à {school}. {children} n’a pas eu de contact étroit. Veuillez tout de même suivre les mesures suivantes.',
  'intro.school-notice':
    'Un cas de {disease} est survenu dans votre école. Vous trouverez ci-dessous les classes concernées, les mesures et les dates. Ne communiquez aucun nom ni aucune donnée médicale.',
  'intro.information':
    'Un cas de {disease} est survenu à {school}. Il n’y a pas lieu de s’inquiéter. Cette lettre vous informe.',
  'intro.staff-page':
    'Une nouvelle décision a été prise sur {disease} à {school}. Consultez les mesures ci-dessous.',
  update: 'Les mesures ont changé. Voici les nouvelles mesures. La lettre précédente n’est plus valable.',
  'section.child': 'Mesures pour {name}',
  'section.class': 'Classe {name}',
  'section.changed': 'modifié',
  'section.none': 'Aucune mesure particulière.',
  'measure.quarantine': 'Quarantaine : rester à la maison jusqu’au {date} inclus.',
  'measure.quarantine.open': 'Quarantaine : rester à la maison jusqu’à un nouveau message du CLB.',
  'measure.exclusion': 'Pas d’école jusqu’au {date} inclus.',
  'measure.exclusion.open': 'Pas d’école jusqu’à un nouveau message du CLB.',
  'measure.test': 'Faites un test le {date}.',
  'measure.test.open': 'Faites un test dès que possible.',
  'measure.chemoprophylaxis':
    'Prendre des antibiotiques préventifs (prophylaxie) avant le {date}. Votre médecin traitant les prescrit.',
  'measure.chemoprophylaxis.open':
    'Prendre des antibiotiques préventifs (prophylaxie) dès que possible. Votre médecin traitant les prescrit.',
  'measure.vaccination-proposal':
    'Vérifiez la vaccination et, si nécessaire, faites vacciner avant le {date}.',
  'measure.vaccination-proposal.open':
    'Vérifiez la vaccination et, si nécessaire, faites vacciner dès que possible.',
  'measure.watch-symptoms':
    'Surveillez les signes de maladie jusqu’au {date} inclus. En cas de symptômes, appelez votre médecin.',
  'measure.watch-symptoms.open':
    'Surveillez les signes de maladie. En cas de symptômes, appelez votre médecin.',
  'measure.return': 'Retour à l’école le {date}.',
  'measure.early-return': 'Avec un test négatif, votre enfant peut déjà retourner à l’école le {date}.',
  'advice.heading': 'À propos de : {disease}',
  'disease.covid-19.name': 'COVID-19',
  'disease.covid-19.advice':
    'Lavez-vous souvent les mains, aérez les pièces et restez à la maison en cas de fièvre ou de toux.',
  'disease.mumps.name': 'oreillons',
  'disease.mumps.advice':
    'Les oreillons font gonfler les joues et sont douloureux. Vérifiez que votre enfant a reçu deux doses du vaccin RRO.',
  'disease.measles.name': 'rougeole',
  'disease.measles.advice':
    'La rougeole est très contagieuse. Appelez d’abord votre médecin avant d’y aller, pour ne contaminer personne en salle d’attente.',
  'disease.meningococcal.name': 'infection à méningocoques',
  'disease.meningococcal.advice':
    'Appelez immédiatement un médecin ou le 112 en cas de forte fièvre, de somnolence, de raideur de la nuque ou de petites taches violacées sur la peau.',
  'disease.pertussis.name': 'coqueluche',
  'disease.pertussis.advice':
    'La coqueluche est dangereuse pour les bébés. Tenez un enfant qui tousse à l’écart des bébés et des femmes enceintes.',
  'disease.scarlet-fever.name': 'scarlatine',
  'disease.scarlet-fever.advice':
    'Consultez votre médecin en cas de mal de gorge, de fièvre et de rougeurs. Après 24 heures d’antibiotiques, votre enfant n’est plus contagieux.',
  'disease.other.name': 'une maladie contagieuse',
  'disease.other.advice':
    'Lavez-vous souvent les mains et appelez votre médecin si votre enfant tombe malade.',
  contact: 'Des questions ? Contactez {clb}.',
  closing: 'Cordialement,',
  'sms.high-risk': '{clb} : mesures importantes pour {children} ({disease}). {dates} Lettre : {url}',
  'sms.low-risk': '{clb} : information sur {disease} pour {children}. {dates} Lettre : {url}',
  'sms.school-notice': '{clb} : {disease} à {school}. Classes et mesures : {url}',
  'sms.information': '{clb} : information sur {disease} à {school} : {url}',
  'sms.staff-page': 'Permanence {clb} : nouvelle décision sur {disease} à {school} : {url}',
  'sms.update': '{clb} : les mesures pour {children} ont changé. {dates} Lettre : {url}',
  'sms.date.return': '{name} retourne à l’école le {date}.',
  'sms.date.until': '{name} reste à la maison jusqu’au {date} inclus.',
  'sms.date.test': '{name} : test le {date}.',
  'sms.date.deadline': '{name} : voir le médecin avant le {date}.',
  'ics.return': 'Retour à l’école : {name}',
  'ics.until': 'Dernier jour à la maison : {name}',
  'ics.test': 'Jour du test : {name}',
  'ics.deadline': 'Dernier jour pour le médecin (prophylaxie ou vaccination) : {name}',
  'ics.description': '{clb}, {disease} : {url}',
};
