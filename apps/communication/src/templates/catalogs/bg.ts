import type { Catalog } from './nl';

export const bg: Catalog = {
  'subject.high-risk': 'Важно: мерки за {children} след случай на {disease}',
  'subject.low-risk': 'Информация и мерки за {children} след случай на {disease}',
  'subject.school-notice': 'Съобщение за училището: {disease}, засегнати класове и мерки',
  'subject.information': 'Информация за {disease} в {school}',
  'subject.staff-page': 'Дежурство: ново решение за {disease} в {school}',
  'subject.update': 'Променено: {subject}',
  greeting: 'Уважаеми/Уважаема {name},',
  'intro.high-risk':
    '{children} е имал(а) близък контакт в {school} с човек с {disease}. Затова лекарят на CLB реши следните мерки.',
  'intro.low-risk':
    'В {school} има случай на {disease}. {children} не е имал(а) близък контакт. Моля, все пак спазвайте следните мерки.',
  'intro.school-notice':
    'Във вашето училище има случай на {disease}. По-долу са засегнатите класове, мерките и датите. Моля, не споделяйте имена или медицински данни.',
  'intro.information':
    'В {school} има случай на {disease}. Няма причина за безпокойство. С това писмо ви информираме.',
  'intro.staff-page': 'Има ново решение за {disease} в {school}. Вижте мерките по-долу.',
  update: 'Мерките са променени. По-долу са новите мерки. Предишното писмо вече не важи.',
  'section.child': 'Мерки за {name}',
  'section.class': 'Клас {name}',
  'section.changed': 'променено',
  'section.none': 'Няма специални мерки.',
  'measure.quarantine': 'Карантина: останете вкъщи до {date} включително.',
  'measure.quarantine.open': 'Карантина: останете вкъщи до ново съобщение от CLB.',
  'measure.exclusion': 'Без училище до {date} включително.',
  'measure.exclusion.open': 'Без училище до ново съобщение от CLB.',
  'measure.test': 'Направете тест на {date}.',
  'measure.test.open': 'Направете тест възможно най-скоро.',
  'measure.chemoprophylaxis':
    'Вземете профилактично антибиотик (профилактика) преди {date}. Личният лекар ще го предпише.',
  'measure.chemoprophylaxis.open':
    'Вземете профилактично антибиотик (профилактика) възможно най-скоро. Личният лекар ще го предпише.',
  'measure.vaccination-proposal': 'Проверете ваксинациите и при нужда се ваксинирайте преди {date}.',
  'measure.vaccination-proposal.open':
    'Проверете ваксинациите и при нужда се ваксинирайте възможно най-скоро.',
  'measure.watch-symptoms':
    'Следете за признаци на болест до {date} включително. При оплаквания се обадете на личния лекар.',
  'measure.watch-symptoms.open': 'Следете за признаци на болест. При оплаквания се обадете на личния лекар.',
  'measure.return': 'Връщане в училище на {date}.',
  'measure.early-return': 'С отрицателен тест детето може да се върне в училище още на {date}.',
  'advice.heading': 'За болестта: {disease}',
  'disease.covid-19.name': 'COVID-19',
  'disease.covid-19.advice':
    'Мийте често ръцете, проветрявайте стаите и останете вкъщи при температура или кашлица.',
  'disease.mumps.name': 'заушка',
  'disease.mumps.advice':
    'Заушката причинява болезнено подуване на бузите. Проверете дали детето има две дози ваксина MMR.',
  'disease.measles.name': 'морбили',
  'disease.measles.advice':
    'Морбили е много заразна болест. Обадете се на лекаря, преди да отидете, за да не заразите никого в чакалнята.',
  'disease.meningococcal.name': 'менингококова инфекция',
  'disease.meningococcal.advice':
    'Обадете се веднага на лекар или на 112 при висока температура, сънливост, схванат врат или малки лилави петна по кожата.',
  'disease.pertussis.name': 'магарешка кашлица',
  'disease.pertussis.advice':
    'Магарешката кашлица е опасна за бебетата. Дръжте кашлящото дете далеч от бебета и бременни жени.',
  'disease.scarlet-fever.name': 'скарлатина',
  'disease.scarlet-fever.advice':
    'Отидете при личния лекар при болно гърло, температура и червен обрив. След 24 часа антибиотик детето вече не е заразно.',
  'disease.other.name': 'заразна болест',
  'disease.other.advice': 'Мийте често ръцете и се обадете на личния лекар, ако детето се разболее.',
  contact: 'Имате въпроси? Свържете се с {clb}.',
  closing: 'С уважение,',
  'sms.high-risk': '{clb}: важни мерки за {children} ({disease}). {dates} Писмо: {url}',
  'sms.low-risk': '{clb}: информация за {disease} за {children}. {dates} Писмо: {url}',
  'sms.school-notice': '{clb}: {disease} в {school}. Класове и мерки: {url}',
  'sms.information': '{clb}: информация за {disease} в {school}: {url}',
  'sms.staff-page': 'Дежурство {clb}: ново решение за {disease} в {school}: {url}',
  'sms.update': '{clb}: мерките за {children} са променени. {dates} Писмо: {url}',
  'sms.date.return': '{name} се връща в училище на {date}.',
  'sms.date.until': '{name} остава вкъщи до {date} включително.',
  'sms.date.test': '{name}: тест на {date}.',
  'sms.date.deadline': '{name}: при лекар преди {date}.',
  'ics.return': 'Връщане в училище: {name}',
  'ics.until': 'Последен ден вкъщи: {name}',
  'ics.test': 'Ден за тест: {name}',
  'ics.deadline': 'Последен ден за лекар (профилактика или ваксина): {name}',
  'ics.description': '{clb}, {disease}: {url}',
};
