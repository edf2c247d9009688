import type { Catalog } from './nl';

export const uk: Catalog = {
  'subject.high-risk': 'Важливо: заходи для {children} після випадку захворювання ({disease})',
  'subject.low-risk': 'Інформація та заходи для {children} після випадку захворювання ({disease})',
  'subject.school-notice': 'Повідомлення для школи: {disease}, класи та заходи',
  'subject.information': 'Інформація про захворювання ({disease}) у {school}',
  'subject.staff-page': 'Чергування: нове рішення щодо захворювання ({disease}) у {school}',
  'subject.update': 'Змінено: {subject}',
  greeting: 'Шановний/Шановна {name},',
  'intro.high-risk':
    '{children} мав(ла) у {school} близький контакт з людиною, хворою на {disease}. Тому лікар CLB ухвалив такі заходи.',
  'intro.low-risk':
    'У {school} був випадок захворювання ({disease}). {children} не мав(ла) близького контакту. Будь ласка, все ж дотримуйтеся таких заходів.',
  'intro.school-notice':
    'У вашій школі був випадок захворювання ({disease}). Нижче наведено класи, заходи та дати. Будь ласка, не передавайте імен чи медичних даних.',
  'intro.information':
    'У {school} був випадок захворювання ({disease}). Немає причин для хвилювання. Цим листом ми вас інформуємо.',
  'intro.staff-page': 'Є нове рішення щодо захворювання ({disease}) у {school}. Заходи наведено нижче.',
  update: 'Заходи змінилися. Нижче наведено нові заходи. Попередній лист більше не діє.',
  'section.child': 'Заходи для {name}',
  'section.class': 'Клас {name}',
  'section.changed': 'змінено',
  'section.none': 'Особливих заходів немає.',
  'measure.quarantine': 'Карантин: залишатися вдома до {date} включно.',
  'measure.quarantine.open': 'Карантин: залишатися вдома до нового повідомлення від CLB.',
  'measure.exclusion': 'Не відвідувати школу до {date} включно.',
  'measure.exclusion.open': 'Не відвідувати школу до нового повідомлення від CLB.',
  'measure.test': 'Зробіть тест {date}.',
  'measure.test.open': 'Зробіть тест якомога швидше.',
  'measure.chemoprophylaxis':
    'Прийняти профілактичні антибіотики (профілактика) до {date}. Їх призначить сімейний лікар.',
  'measure.chemoprophylaxis.open':
    'Якомога швидше прийняти профілактичні антибіотики (профілактика). Їх призначить сімейний лікар.',
  'measure.vaccination-proposal': 'Перевірте щеплення і за потреби зробіть щеплення до {date}.',
  'measure.vaccination-proposal.open': 'Перевірте щеплення і за потреби якомога швидше зробіть щеплення.',
  'measure.watch-symptoms':
    'Стежте за ознаками хвороби до {date} включно. Якщо з’являться симптоми, зателефонуйте сімейному лікарю.',
  'measure.watch-symptoms.open':
    'Стежте за ознаками хвороби. Якщо з’являться симптоми, зателефонуйте сімейному лікарю.',
  'measure.return': 'Повернення до школи: {date}.',
  'measure.early-return': 'З негативним тестом дитина може повернутися до школи вже {date}.',
  'advice.heading': 'Про захворювання: {disease}',
  'disease.covid-19.name': 'COVID-19',
  'disease.covid-19.advice':
    'Часто мийте руки, провітрюйте кімнати й залишайтеся вдома при гарячці або кашлі.',
  'disease.mumps.name': 'свинка',
  'disease.mumps.advice':
    'Свинка спричиняє болючий набряк щік. Перевірте, чи дитина отримала дві дози вакцини КПК.',
  'disease.measles.name': 'кір',
  'disease.measles.advice':
    'Кір дуже заразний. Зателефонуйте лікарю, перш ніж іти, щоб нікого не заразити в приймальні.',
  'disease.meningococcal.name': 'менінгококова інфекція',
  'disease.meningococcal.advice':
    'Негайно телефонуйте лікарю або на 112 при високій температурі, сонливості, ригідності шиї чи дрібних фіолетових плямах на шкірі.',
  'disease.pertussis.name': 'кашлюк',
  'disease.pertussis.advice':
    'Кашлюк небезпечний для немовлят. Тримайте дитину, що кашляє, подалі від немовлят і вагітних.',
  'disease.scarlet-fever.name': 'скарлатина',
  'disease.scarlet-fever.advice':
    'Зверніться до сімейного лікаря при болю в горлі, гарячці й червоному висипі. Через 24 години прийому антибіотика дитина вже не заразна.',
  'disease.other.name': 'заразна хвороба',
  'disease.other.advice': 'Часто мийте руки й зателефонуйте сімейному лікарю, якщо дитина захворіє.',
  contact: 'Маєте запитання? Зверніться до {clb}.',
  closing: 'З повагою,',
  'sms.high-risk': '{clb}: важливі заходи для {children} ({disease}). {dates} Лист: {url}',
  'sms.low-risk': '{clb}: інформація про {disease} для {children}. {dates} Лист: {url}',
  'sms.school-notice': '{clb}: {disease} у {school}. Класи та заходи: {url}',
  'sms.information': '{clb}: інформація про {disease} у {school}: {url}',
  'sms.staff-page': 'Чергування {clb}: нове рішення, {disease}, {school}: {url}',
  'sms.update': '{clb}: заходи для {children} змінилися. {dates} Лист: {url}',
  'sms.date.return': '{name} повертається до школи {date}.',
  'sms.date.until': '{name} залишається вдома до {date} включно.',
  'sms.date.test': '{name}: тест {date}.',
  'sms.date.deadline': '{name}: до лікаря до {date}.',
  'ics.return': 'Повернення до школи: {name}',
  'ics.until': 'Останній день удома: {name}',
  'ics.test': 'День тесту: {name}',
  'ics.deadline': 'Останній день для лікаря (профілактика або щеплення): {name}',
  'ics.description': '{clb}, {disease}: {url}',
};
