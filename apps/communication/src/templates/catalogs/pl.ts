import type { Catalog } from './nl';

export const pl: Catalog = {
  'subject.high-risk': 'Ważne: zalecenia dla: {children} po przypadku choroby: {disease}',
  'subject.low-risk': 'Informacja i zalecenia dla: {children} po przypadku choroby: {disease}',
  'subject.school-notice': 'Informacja dla szkoły: {disease}, klasy objęte zaleceniami i środki',
  'subject.information': 'Informacja o chorobie {disease} w szkole {school}',
  'subject.staff-page': 'Dyżur: nowa decyzja w sprawie choroby {disease} w szkole {school}',
  'subject.update': 'Zmiana: {subject}',
  greeting: 'Szanowni Państwo ({name}),',
  'intro.high-risk':
    '{children} miał(a) w szkole {school} bliski kontakt z osobą chorą na: {disease}. Dlatego lekarz CLB zdecydował o poniższych zaleceniach.',
  'intro.low-risk':
    'W szkole {school} wystąpił przypadek choroby: {disease}. {children} nie miał(a) bliskiego kontaktu. Prosimy jednak stosować się do poniższych zaleceń.',
  'intro.school-notice':
    'W Państwa szkole wystąpił przypadek choroby: {disease}. Poniżej podajemy klasy, zalecenia i daty. Prosimy nie udostępniać nazwisk ani danych medycznych.',
  'intro.information':
    'W szkole {school} wystąpił przypadek choroby: {disease}. Nie ma powodu do niepokoju. Ten list ma charakter informacyjny.',
  'intro.staff-page':
    'Jest nowa decyzja w sprawie choroby {disease} w szkole {school}. Zalecenia podano poniżej.',
  update: 'Zalecenia się zmieniły. Nowe zalecenia podajemy poniżej. Poprzedni list jest już nieaktualny.',
  'section.child': 'Zalecenia dla: {name}',
  'section.class': 'Klasa {name}',
  'section.changed': 'zmienione',
  'section.none': 'Brak szczególnych zaleceń.',
  'measure.quarantine': 'Kwarantanna: pozostać w domu do {date} włącznie.',
  'measure.quarantine.open': 'Kwarantanna: pozostać w domu do czasu nowej wiadomości od CLB.',
  'measure.exclusion': 'Nie chodzić do szkoły do {date} włącznie.',
  'measure.exclusion.open': 'Nie chodzić do szkoły do czasu nowej wiadomości od CLB.',
  'measure.test': 'Proszę wykonać test w dniu {date}.',
  'measure.test.open': 'Proszę jak najszybciej wykonać test.',
  'measure.chemoprophylaxis':
    'Przyjąć antybiotyk zapobiegawczo (profilaktyka) przed {date}. Przepisze go lekarz rodzinny.',
  'measure.chemoprophylaxis.open':
    'Jak najszybciej przyjąć antybiotyk zapobiegawczo (profilaktyka). Przepisze go lekarz rodzinny.',
  'measure.vaccination-proposal':
    'Proszę sprawdzić szczepienia i w razie potrzeby zaszczepić się przed {date}.',
  'measure.vaccination-proposal.open':
    'Proszę sprawdzić szczepienia i w razie potrzeby jak najszybciej się zaszczepić.',
  'measure.watch-symptoms':
    'Proszę obserwować objawy choroby do {date} włącznie. W razie objawów proszę zadzwonić do lekarza rodzinnego.',
  'measure.watch-symptoms.open':
    'Proszę obserwować objawy choroby. W razie objawów proszę zadzwonić do lekarza rodzinnego.',
  'measure.return': 'Powrót do szkoły: {date}.',
  'measure.early-return': 'Z ujemnym wynikiem testu dziecko może wrócić do szkoły już od {date}.',
  'advice.heading': 'O chorobie: {disease}',
  'disease.covid-19.name': 'COVID-19',
  'disease.covid-19.advice':
    'Często myć ręce, wietrzyć pomieszczenia i zostać w domu w razie gorączki lub kaszlu.',
  'disease.mumps.name': 'świnka',
  'disease.mumps.advice':
    'Świnka powoduje bolesny obrzęk policzków. Proszę sprawdzić, czy dziecko otrzymało dwie dawki szczepionki MMR.',
  'disease.measles.name': 'odra',
  'disease.measles.advice':
    'Odra jest bardzo zaraźliwa. Przed wizytą proszę zadzwonić do lekarza, aby nie zarazić nikogo w poczekalni.',
  'disease.meningococcal.name': 'choroba meningokokowa',
  'disease.meningococcal.advice':
    'Przy wysokiej gorączce, senności, sztywności karku lub małych fioletowych plamkach na skórze proszę natychmiast dzwonić do lekarza lub pod 112.',
  'disease.pertussis.name': 'krztusiec',
  'disease.pertussis.advice':
    'Krztusiec jest groźny dla niemowląt. Kaszlące dziecko powinno trzymać się z dala od niemowląt i kobiet w ciąży.',
  'disease.scarlet-fever.name': 'szkarlatyna',
  'disease.scarlet-fever.advice':
    'Przy bólu gardła, gorączce i czerwonej wysypce proszę iść do lekarza rodzinnego. Po 24 godzinach antybiotyku dziecko już nie zaraża.',
  'disease.other.name': 'choroba zakaźna',
  'disease.other.advice':
    'Proszę często myć ręce i zadzwonić do lekarza rodzinnego, jeśli dziecko zachoruje.',
  contact: 'Pytania? Prosimy o kontakt z {clb}.',
  closing: 'Z poważaniem',
  'sms.high-risk': '{clb}: ważne zalecenia dla: {children} ({disease}). {dates} List: {url}',
  'sms.low-risk': '{clb}: informacja o chorobie {disease} dla: {children}. {dates} List: {url}',
  'sms.school-notice': '{clb}: {disease} w szkole {school}. Klasy i zalecenia: {url}',
  'sms.information': '{clb}: informacja o chorobie {disease} w szkole {school}: {url}',
  'sms.staff-page': 'Dyżur {clb}: nowa decyzja, {disease}, szkoła {school}: {url}',
  'sms.update': '{clb}: zalecenia dla: {children} się zmieniły. {dates} List: {url}',
  'sms.date.return': '{name}: powrót do szkoły {date}.',
  'sms.date.until': '{name}: w domu do {date} włącznie.',
  'sms.date.test': '{name}: test {date}.',
  'sms.date.deadline': '{name}: wizyta u lekarza przed {date}.',
  'ics.return': 'Powrót do szkoły: {name}',
  'ics.until': 'Ostatni dzień w domu: {name}',
  'ics.test': 'Dzień testu: {name}',
  'ics.deadline': 'Ostatni dzień na wizytę u lekarza (profilaktyka lub szczepienie): {name}',
  'ics.description': '{clb}, {disease}: {url}',
};
