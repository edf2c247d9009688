import type { Catalog } from './nl';

export const tr: Catalog = {
  'subject.high-risk': 'Önemli: {disease} vakası sonrası {children} için önlemler',
  'subject.low-risk': '{disease} vakası sonrası {children} için bilgi ve önlemler',
  'subject.school-notice': 'Okula bildirim: {disease}, ilgili sınıflar ve önlemler',
  'subject.information': '{school} okulunda {disease} hakkında bilgi',
  'subject.staff-page': 'Nöbet: {school} okulunda {disease} hakkında yeni karar',
  'subject.update': 'Değişti: {subject}',
  greeting: 'Sayın {name},',
  'intro.high-risk':
    '{children}, {school} okulunda {disease} hastalığı olan biriyle yakın temasta bulundu. Bu nedenle CLB doktoru aşağıdaki önlemlere karar verdi.',
  'intro.low-risk':
    '{school} okulunda bir {disease} vakası görüldü. {children} yakın temasta bulunmadı. Yine de lütfen aşağıdaki önlemlere uyun.',
  'intro.school-notice':
    'Okulunuzda bir {disease} vakası görüldü. Aşağıda ilgili sınıfları, önlemleri ve tarihleri bulabilirsiniz. Lütfen hiçbir isim veya tıbbi bilgi paylaşmayın.',
  'intro.information':
    '{school} okulunda bir {disease} vakası görüldü. Endişelenmenize gerek yok. Bu mektupla sizi bilgilendiriyoruz.',
  'intro.staff-page': '{school} okulunda {disease} hakkında yeni bir karar var. Önlemler aşağıdadır.',
  update: 'Önlemler değişti. Yeni önlemler aşağıdadır. Önceki mektup artık geçerli değildir.',
  'section.child': '{name} için önlemler',
  'section.class': 'Sınıf {name}',
  'section.changed': 'değişti',
  'section.none': 'Özel bir önlem yok.',
  'measure.quarantine': 'Karantina: {date} tarihi dahil evde kalın.',
  'measure.quarantine.open': 'Karantina: CLB’den yeni bir mesaj gelene kadar evde kalın.',
  'measure.exclusion': '{date} tarihi dahil okula gitmeyin.',
  'measure.exclusion.open': 'CLB’den yeni bir mesaj gelene kadar okula gitmeyin.',
  'measure.test': '{date} tarihinde test yaptırın.',
  'measure.test.open': 'En kısa sürede test yaptırın.',
  'measure.chemoprophylaxis':
    '{date} tarihinden önce koruyucu antibiyotik (profilaksi) alın. Aile hekiminiz reçete eder.',
  'measure.chemoprophylaxis.open':
    'En kısa sürede koruyucu antibiyotik (profilaksi) alın. Aile hekiminiz reçete eder.',
  'measure.vaccination-proposal':
    'Aşı durumunu kontrol edin ve gerekirse {date} tarihinden önce aşı yaptırın.',
  'measure.vaccination-proposal.open': 'Aşı durumunu kontrol edin ve gerekirse en kısa sürede aşı yaptırın.',
  'measure.watch-symptoms':
    '{date} tarihi dahil hastalık belirtilerine dikkat edin. Belirti olursa aile hekiminizi arayın.',
  'measure.watch-symptoms.open': 'Hastalık belirtilerine dikkat edin. Belirti olursa aile hekiminizi arayın.',
  'measure.return': 'Okula dönüş: {date}.',
  'measure.early-return': 'Negatif bir testle çocuğunuz {date} tarihinden itibaren okula dönebilir.',
  'advice.heading': 'Hastalık hakkında: {disease}',
  'disease.covid-19.name': 'COVID-19',
  'disease.covid-19.advice':
    'Ellerinizi sık yıkayın, odaları havalandırın ve ateş veya öksürük varsa evde kalın.',
  'disease.mumps.name': 'kabakulak',
  'disease.mumps.advice':
    'Kabakulak yanaklarda ağrılı şişlik yapar. Çocuğunuzun iki doz KKK aşısı olup olmadığını kontrol edin.',
  'disease.measles.name': 'kızamık',
  'disease.measles.advice':
    'Kızamık çok bulaşıcıdır. Bekleme salonunda kimseye bulaştırmamak için gitmeden önce doktoru arayın.',
  'disease.meningococcal.name': 'meningokok hastalığı',
  'disease.meningococcal.advice':
    'Yüksek ateş, uyuşukluk, ense sertliği veya ciltte küçük mor lekeler olursa hemen bir doktoru veya 112’yi arayın.',
  'disease.pertussis.name': 'boğmaca',
  'disease.pertussis.advice':
    'Boğmaca bebekler için tehlikelidir. Öksüren çocuğu bebeklerden ve hamile kadınlardan uzak tutun.',
  'disease.scarlet-fever.name': 'kızıl',
  'disease.scarlet-fever.advice':
    'Boğaz ağrısı, ateş ve kırmızı döküntü olursa aile hekimine gidin. 24 saat antibiyotikten sonra çocuğunuz artık bulaştırmaz.',
  'disease.other.name': 'bulaşıcı bir hastalık',
  'disease.other.advice': 'Ellerinizi sık yıkayın ve çocuğunuz hastalanırsa aile hekiminizi arayın.',
  contact: 'Sorularınız mı var? {clb} ile iletişime geçin.',
  closing: 'Saygılarımızla,',
  'sms.high-risk': '{clb}: {children} için önemli önlemler ({disease}). {dates} Mektup: {url}',
  'sms.low-risk': '{clb}: {children} için {disease} hakkında bilgi. {dates} Mektup: {url}',
  'sms.school-notice': '{clb}: {school} okulunda {disease}. Sınıflar ve önlemler: {url}',
  'sms.information': '{clb}: {school} okulunda {disease} hakkında bilgi: {url}',
  'sms.staff-page': 'Nöbet {clb}: {school} okulunda {disease} hakkında yeni karar: {url}',
  'sms.update': '{clb}: {children} için önlemler değişti. {dates} Mektup: {url}',
  'sms.date.return': '{name} okula dönüş: {date}.',
  'sms.date.until': '{name} {date} tarihi dahil evde kalır.',
  'sms.date.test': '{name}: test {date}.',
  'sms.date.deadline': '{name}: {date} tarihinden önce doktora gidin.',
  'ics.return': 'Okula dönüş: {name}',
  'ics.until': 'Evde son gün: {name}',
  'ics.test': 'Test günü: {name}',
  'ics.deadline': 'Doktor için son gün (profilaksi veya aşı): {name}',
  'ics.description': '{clb}, {disease}: {url}',
};
