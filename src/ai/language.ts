import { StemmerEn } from '@nlpjs/lang-en-min';
import { StemmerId } from '@nlpjs/lang-id';

/**
 * Language handling for a bilingual (English/Indonesian) portfolio
 * assistant: text normalised into comparable words, the informal spellings
 * visitors type expanded, every word stemmed by NLP.js's English and
 * Indonesian stemmers (so "pengalamannya", "projects" and "dikerjakan" meet
 * "pengalaman", "project" and "kerja"), and the two languages told apart.
 * No model and no dictionary download.
 */

export type Language = 'en' | 'id';

/** Lower case, accents and punctuation gone, so "Next.js", "next js" and "NEXTJS?" compare by their words. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // "what's", "I'm": one word, as the slang table spells them.
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
}

/** Indonesian chat writes a doubled word with a 2: "dibalas2" is "dibalas-dibalas", "berhari2" is "berhari-hari". */
const REDUPLICATED = /^([a-z]{4,})2$/;

export function words(text: string): string[] {
  const normalized = normalize(text);
  return normalized ? normalized.split(' ').map((word) => word.replace(REDUPLICATED, '$1')) : [];
}

/**
 * Chat spellings no stemmer knows, mapped to the word they stand for. Only
 * abbreviations and slang: inflections are the stemmers' job, typos the
 * fuzzy matcher's.
 */
const SLANG: Record<string, string> = {
  dmn: 'dimana', skrg: 'sekarang', skrng: 'sekarang', brp: 'berapa', udh: 'sudah', udah: 'sudah', sdh: 'sudah',
  trus: 'terus', trs: 'terus', gak: 'tidak', ga: 'tidak', nggak: 'tidak', ngga: 'tidak', enggak: 'tidak', gk: 'tidak',
  tdk: 'tidak', pake: 'pakai', aja: 'saja', lo: 'kamu', lu: 'kamu', loe: 'kamu', elo: 'kamu', km: 'kamu', kmu: 'kamu',
  yg: 'yang', dgn: 'dengan', utk: 'untuk', lg: 'lagi', gw: 'saya', gue: 'saya', abis: 'habis', taun: 'tahun',
  thn: 'tahun', gmn: 'gimana', knp: 'kenapa', bs: 'bisa', tau: 'tahu', kyk: 'kayak', dr: 'dari', sm: 'sama',
  ur: 'your', u: 'you', r: 'are', pls: 'please', plz: 'please', thx: 'thanks', whats: 'what is', wats: 'what is',
  hows: 'how is', wheres: 'where is', im: 'i am', youre: 'you are', ive: 'i have', abt: 'about', wat: 'what', wht: 'what',
  ngapain: 'apa',
};

const stemmerEn = new StemmerEn();
const stemmerId = new StemmerId();

/** One word of a message, with its stem in each language: two words match when any of the three agree. */
export type Token = { word: string; en: string; id: string };

/** Stems are pure functions of the word, and a conversation repeats its words: remembered, up to a bound. */
const tokenCache = new Map<string, Token>();
const TOKEN_CACHE_LIMIT = 20_000;

export function toToken(word: string): Token {
  let token = tokenCache.get(word);
  if (!token) {
    // Stemming two- and three-letter words only breaks them ("api" is no affixed "ap").
    token = word.length > 3 ? { word, en: stemmerEn.stemWord(word), id: stemmerId.stemWord(word) } : { word, en: word, id: word };
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(word, token);
  }
  return token;
}

/** The message's words, slang expanded ("skrg" → "sekarang"), with their stems. */
export function tokenize(text: string): Token[] {
  return words(text).flatMap((word) => (SLANG[word] ?? word).split(' ').map(toToken));
}

export const sameWord = (a: Token, b: Token) => a.word === b.word || a.en === b.en || a.id === b.id;

/** Words that carry no topic of their own in either language. */
export const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at for from with by about as is are was were be been being do does did done ' +
    'i me my mine you your yours he she they them their we us our it its this that these those there here ' +
    'what which who whom whose when where why how can could would should will shall may might must ' +
    'have has had any some much many more most very just also too so not no yes if then than please tell ' +
    'know let lets like get got want need give show hi hello hey thanks thank ok okay sure really ' +
    'yang dan atau di ke dari untuk dengan pada ini itu ada adalah apa apakah siapa kapan dimana mana ' +
    'bagaimana gimana kenapa mengapa berapa bisa boleh mau ingin tolong coba dong sih ya yah kah lah nya ' +
    'saya aku kamu anda dia mereka kami kita punya sudah belum pernah juga saja lagi tentang tidak ' +
    'soal sebagai oleh akan sedang masih hal para sama banget sangat lebih paling semua terus kak mas mbak bang'
  ).split(' '),
);

/** Words that only one of the two languages uses often; a message's language is whichever it has more of. */
const INDONESIAN_MARKERS = new Set(
  (
    'yang dan di ke dari untuk dengan ini itu ada adalah apa apakah siapa kapan dimana mana bagaimana gimana ' +
    'kenapa mengapa berapa bisa boleh mau ingin tolong dong sih saya aku kamu anda dia kami kita punya sudah ' +
    'belum pernah juga saja lagi tentang soal sedang masih tidak halo hai selamat ' +
    'pagi siang sore malam terima kasih makasih kerja bekerja pengalaman proyek projek teknologi keahlian ' +
    'ceritakan jelaskan hubungi kontak tinggal lowongan tersedia pakai menggunakan buat bikin membuat ' +
    'sekarang dulu kak mas mbak bang pak bu tarif biaya harga gaji orangnya langsung terus habis sebelum ' +
    'sesudah setelah lama tahun kapan mulai sejak keren mantap sip oke deh nih kok kah lah nya situ sana ' +
    'kodenya aplikasi bahasa lalu sampai jumpa dadah kembali balik bodoh jelek payah atau jadi'
  ).split(' '),
);

const ENGLISH_MARKERS = new Set(
  (
    'the and of to in on for with is are was were be do does did you your what which who when where why how ' +
    'can could would should have has tell about work worked working experience project projects stack use ' +
    'using contact reach available freelance hire hi hello hey thanks please me my i it this that before after ' +
    'long since first last latest current now ago back bye see cheers great awesome useful thank'
  ).split(' '),
);

/** The message's language, or null when it has no word that tells ("Go or Rust?", "Warung POS"). */
export function languageOf(text: string): Language | null {
  let indonesian = 0;
  let english = 0;
  for (const { word } of tokenize(text)) {
    if (INDONESIAN_MARKERS.has(word) || word.endsWith('nya')) indonesian += 1;
    if (ENGLISH_MARKERS.has(word)) english += 1;
  }
  if (indonesian === english) return null;
  return indonesian > english ? 'id' : 'en';
}

/**
 * The language to answer a visitor in: that of their latest message, or when
 * it has no telling word ("Go or Rust?"), of the latest one that has. Newest first.
 */
export function visitorLanguage(visitorMessagesNewestFirst: string[]): Language {
  for (const text of visitorMessagesNewestFirst) {
    const language = languageOf(text);
    if (language) return language;
  }
  return 'en';
}
