/**
 * Just enough language handling for a bilingual (English/Indonesian)
 * portfolio assistant: normalising text into comparable words and telling
 * the two languages apart, with no model and no dictionary download.
 */

export type Language = 'en' | 'id';

/** Lower case, accents and punctuation gone, so "Next.js", "next js" and "NEXTJS?" compare by their words. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
}

export function words(text: string): string[] {
  const normalized = normalize(text);
  return normalized ? normalized.split(' ') : [];
}

/** True when `phrase` (already normalised) occurs in `normalizedText` on word boundaries. */
export function containsPhrase(normalizedText: string, phrase: string): boolean {
  return ` ${normalizedText} `.includes(` ${phrase} `);
}

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
    'saya aku kamu anda dia mereka kami kita punya sudah udah belum pernah juga saja aja lagi tentang ' +
    'soal sebagai oleh akan sedang masih hal para sama banget sangat lebih paling semua'
  ).split(' '),
);

/** Words that only one of the two languages uses often; a question's language is whichever it has more of. */
const INDONESIAN_MARKERS = new Set(
  (
    'yang dan di ke dari untuk dengan ini itu ada adalah apa apakah siapa kapan dimana mana bagaimana gimana ' +
    'kenapa mengapa berapa bisa boleh mau ingin tolong dong sih saya aku kamu anda dia kami kita punya sudah ' +
    'udah belum pernah juga saja aja lagi tentang soal sedang masih tidak nggak gak enggak halo hai selamat ' +
    'pagi siang sore malam terima kasih makasih kerja bekerja pengalaman proyek projek teknologi keahlian ' +
    'ceritakan jelaskan hubungi kontak tinggal lowongan tersedia pakai pake menggunakan buat bikin membuat ' +
    'apa saja sekarang dulu kak mas mbak bang pak bu tarif biaya harga gaji orangnya langsung'
  ).split(' '),
);

const ENGLISH_MARKERS = new Set(
  (
    'the and of to in on for with is are was were be do does did you your what which who when where why how ' +
    'can could would should have has tell about work worked working experience project projects stack use ' +
    'using contact reach available freelance hire hi hello hey thanks please me my i it this that'
  ).split(' '),
);

export function detectLanguage(text: string): Language {
  let indonesian = 0;
  let english = 0;
  for (const word of words(text)) {
    if (INDONESIAN_MARKERS.has(word)) indonesian += 1;
    if (ENGLISH_MARKERS.has(word)) english += 1;
  }
  return indonesian > english ? 'id' : 'en';
}
