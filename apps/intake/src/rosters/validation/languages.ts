/** Every ISO 639-1 code (the language of a guardian's letters). */
export const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el ' +
    'en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it ' +
    'iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt ' +
    'my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl ' +
    'sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo ' +
    'za zh zu'
  ).split(' '),
);

/** Dutch (and a few English/French) language names schools write instead of a code. */
const NAMES: Readonly<Record<string, string>> = {
  nederlands: 'nl',
  vlaams: 'nl',
  dutch: 'nl',
  frans: 'fr',
  francais: 'fr',
  french: 'fr',
  engels: 'en',
  english: 'en',
  duits: 'de',
  deutsch: 'de',
  german: 'de',
  arabisch: 'ar',
  arabic: 'ar',
  turks: 'tr',
  turkish: 'tr',
  pools: 'pl',
  polish: 'pl',
  roemeens: 'ro',
  romanian: 'ro',
  oekraiens: 'uk',
  ukrainian: 'uk',
  russisch: 'ru',
  spaans: 'es',
  italiaans: 'it',
  portugees: 'pt',
  bulgaars: 'bg',
  somalisch: 'so',
  tigrinya: 'ti',
  perzisch: 'fa',
  farsi: 'fa',
  dari: 'fa',
  pashto: 'ps',
  albanees: 'sq',
  slowaaks: 'sk',
  tsjechisch: 'cs',
  hongaars: 'hu',
  grieks: 'el',
  chinees: 'zh',
};

/** A language as an ISO 639-1 code, from a code (`NL`, `nl-BE`) or a name (`Nederlands`); null if unknown. */
export function normaliseLanguage(raw: string): string | null {
  const text = raw
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const code = /^([a-z]{2})(?:[-_][a-z]{2})?$/.exec(text)?.[1];
  if (code !== undefined) return ISO_639_1.has(code) ? code : null;
  const named = NAMES[text];
  return named !== undefined && ISO_639_1.has(named) ? named : null;
}
