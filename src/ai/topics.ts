import { sameWord, tokenize, type Token } from './language';

/**
 * What a visitor's message is about and how it is asked, recognised from
 * English and Indonesian phrasings. Every phrase is compared word by word
 * through the stemmers (language.ts), so one entry covers its inflections:
 * "pengalaman" also finds "pengalamannya", "project" also "projects".
 */

/** In order of precedence when a question mentions two equally ("remote work" is about availability first). */
export const topics = [
  'availability',
  'contact',
  'values',
  'interests',
  'skills',
  'projects',
  'career',
  'about',
  'location',
] as const;
export type Topic = (typeof topics)[number];

type Phrase = Token[];
export type Cue = Phrase[];

export function cue(phrases: string[]): Cue {
  return phrases.map(tokenize).filter((phrase) => phrase.length > 0);
}

export function phraseAt(tokens: Token[], phrase: Phrase, start: number): boolean {
  return phrase.every((word, offset) => start + offset < tokens.length && sameWord(tokens[start + offset]!, word));
}

/** How many of the cue's phrases occur in the message. */
function countCue(tokens: Token[], phrases: Cue): number {
  let hits = 0;
  for (const phrase of phrases) {
    for (let start = 0; start + phrase.length <= tokens.length; start++) {
      if (phraseAt(tokens, phrase, start)) {
        hits += 1;
        break;
      }
    }
  }
  return hits;
}

export const hasCue = (tokens: Token[], phrases: Cue) => countCue(tokens, phrases) > 0;

const TOPIC_CUES: Record<Topic, Cue> = {
  skills: cue([
    'stack', 'tech', 'techstack', 'technology', 'teknologi', 'skill', 'skillset', 'keahlian', 'keterampilan',
    'kemampuan', 'tool', 'tooling', 'framework', 'language', 'programming', 'database', 'bahasa pemrograman',
    'pemrograman', 'kuasai', 'menguasai', 'expertise', 'use', 'pakai', 'memakai', 'menggunakan', 'proficient',
    'good at', 'familiar', 'coding', 'frontend', 'backend', 'devops', 'library', 'built with', 'dibangun',
  ]),
  career: cue([
    'work', 'job', 'career', 'karier', 'karir', 'experience', 'pengalaman', 'kerja', 'employer', 'company',
    'perusahaan', 'kantor', 'role', 'position', 'posisi', 'jabatan', 'background', 'history', 'riwayat', 'cv',
    'resume', 'senior', 'jobdesk', 'employed', 'working on',
  ]),
  projects: cue([
    'project', 'proyek', 'projek', 'portfolio', 'portofolio', 'built', 'build', 'made', 'bikin', 'membuat', 'dibuat',
    'karya', 'aplikasi', 'app', 'side project', 'open source', 'demo', 'product', 'produk', 'garap',
  ]),
  contact: cue([
    'contact', 'kontak', 'hubungi', 'menghubungi', 'email', 'e mail', 'surel', 'reach', 'get in touch', 'touch',
    'message you', 'call', 'phone', 'telepon', 'whatsapp', 'wa', 'nomor', 'number', 'hubungan',
  ]),
  availability: cue([
    'freelance', 'freelancer', 'lepas', 'available', 'availability', 'tersedia', 'hire', 'rekrut', 'contract',
    'kontrak', 'open to work', 'opportunity', 'lowongan', 'kerja sama', 'kerjasama', 'collaborate', 'kolaborasi',
    'side job', 'sampingan', 'remote', 'job offer', 'tawaran', 'bisa diajak', 'menerima', 'accept', 'open for',
  ]),
  about: cue([
    'who', 'siapa', 'about you', 'about yourself', 'yourself', 'tentang kamu', 'tentang anda', 'dirimu', 'diri',
    'introduce', 'perkenalkan', 'kenalan', 'profile', 'profil', 'bio', 'title', 'describe yourself',
  ]),
  location: cue([
    'where are you', 'where do you live', 'from where', 'located', 'location', 'lokasi', 'live', 'based', 'tinggal',
    'domisili', 'dari mana', 'asal', 'berasal', 'city', 'kota', 'country', 'negara', 'where you from',
  ]),
  values: cue(['value', 'nilai', 'prinsip', 'principle', 'philosophy', 'filosofi', 'approach', 'cara kerja', 'believe']),
  interests: cue(['interest', 'hobby', 'hobi', 'minat', 'passion', 'free time', 'waktu luang', 'enjoy', 'fun', 'weekend']),
};

/** The topics a message mentions, strongest (most matching phrases) first. */
export function topicsOf(tokens: Token[]): Topic[] {
  return topics
    .map((topic) => [topic, countCue(tokens, TOPIC_CUES[topic])] as const)
    .filter(([, hits]) => hits > 0)
    .sort((a, b) => b[1] - a[1] || topics.indexOf(a[0]) - topics.indexOf(b[0]))
    .map(([topic]) => topic);
}

/** Every word of a topic or shape cue: such words say what is asked, not which thing it is asked about. */
export function cueWords(): Token[] {
  return [...Object.values(TOPIC_CUES), ...Object.values(SHAPE_CUES), ...Object.values(SOCIAL_CUES)].flat(2);
}

/** How a question is asked, and which point in time it is about. */
export const SHAPE_CUES = {
  current: cue(['now', 'currently', 'current', 'these days', 'at the moment', 'present', 'today', 'sekarang', 'saat ini', 'kini', 'sedang', 'lagi kerja', 'lagi ngerjain', 'right now', 'nowadays']),
  previous: cue(['before', 'previous', 'previously', 'prior', 'earlier', 'sebelum', 'sebelumnya', 'dulu']),
  next: cue(['after', 'afterwards', 'setelah', 'sesudah', 'habis', 'kemudian', 'next job', 'then']),
  first: cue(['first', 'earliest', 'oldest', 'paling lama', 'pertama', 'awal', 'start your career', 'mulai karir', 'mulai karier']),
  latest: cue(['latest', 'newest', 'recent', 'most recent', 'last', 'terbaru', 'terakhir', 'baru baru ini']),
  duration: cue(['how long', 'how many years', 'since when', 'berapa lama', 'berapa tahun', 'sejak kapan', 'sudah berapa', 'lama', 'years of experience', 'tahun pengalaman']),
  when: cue(['when', 'what year', 'which year', 'kapan', 'tahun berapa']),
  which: cue(['which', 'what project', 'yang mana', 'mana yang', 'proyek apa', 'project apa', 'apa yang pakai']),
  link: cue(['github', 'gitlab', 'repo', 'repository', 'source code', 'code', 'kode', 'link', 'url', 'website', 'site', 'demo', 'live', 'try', 'coba', 'open source', 'where can i see', 'situs', 'web nya', 'linkedin', 'see it', 'try it', 'lihat', 'liat']),
  list: cue(['list', 'all', 'every', 'apa saja', 'mana saja', 'sebutkan', 'semua', 'other', 'lain', 'lainnya', 'else']),
  describe: cue(['what is', 'apa itu', 'tell me about', 'ceritakan', 'jelaskan', 'explain', 'describe', 'more about', 'detail', 'about it', 'tentang']),
  stack: cue(['stack', 'technology', 'teknologi', 'built with', 'built on', 'made with', 'dibangun', 'dibuat pakai', 'pakai apa', 'use what', 'tech', 'framework', 'language']),
  github: cue(['github', 'gitlab']),
  linkedin: cue(['linkedin']),
  code: cue(['open source', 'code', 'kode', 'repo', 'repository', 'source', 'github', 'gitlab']),
  coding: cue(['code', 'coding', 'program', 'programming', 'ngoding', 'develop', 'developer', 'koding']),
  reference: cue(['it', 'its', 'that', 'this', 'there', 'that one', 'them', 'those', 'itu', 'ini', 'tersebut', 'situ', 'sana', 'tsb', 'the same']),
  yesNo: cue(['do you', 'did you', 'have you', 'are you', 'can you', 'could you', 'is it', 'does it', 'pernah', 'apakah', 'bisa', 'suka', 'kenal', 'know', 'tahu', 'ever']),
  or: cue(['or', 'atau', 'vs', 'versus']),
  education: cue(['study', 'studied', 'university', 'college', 'degree', 'school', 'kuliah', 'kampus', 'universitas', 'sekolah', 'jurusan', 'pendidikan', 'education', 'lulusan', 'graduate']),
  price: cue(['for free', 'gratis', 'salary', 'rate', 'rates', 'price', 'pricing', 'cost', 'charge', 'fee', 'gaji', 'tarif', 'harga', 'biaya', 'bayaran', 'budget']),
};

/** Conversation that is not a question: answered briefly and kindly, never handed over (except anger). */
export const SOCIAL_CUES = {
  thanks: cue(['thanks', 'thank you', 'thank u', 'thx', 'ty', 'cheers', 'appreciate', 'terima kasih', 'makasih', 'trims', 'thanks a lot', 'tengkyu', 'nuhun']),
  goodbye: cue(['bye', 'goodbye', 'see you', 'see ya', 'cya', 'later', 'good night', 'take care', 'sampai jumpa', 'dadah', 'sampai nanti', 'pamit', 'duluan', 'selamat tinggal']),
  compliment: cue(['great', 'awesome', 'nice', 'cool', 'impressive', 'amazing', 'useful', 'helpful', 'love', 'wow', 'good job', 'well done', 'keren', 'mantap', 'mantul', 'bagus', 'hebat', 'luar biasa', 'membantu', 'sip', 'oke', 'okay', 'ok', 'perfect', 'got it', 'noted', 'siap', 'baik', 'alright']),
  back: cue(["i'm back", 'i am back', 'back again', 'im back', 'saya kembali', 'aku balik', 'balik lagi', 'kembali lagi', 'aku kembali', 'saya balik']),
  smallTalk: cue(['how are you', 'how is it going', 'how are things', 'what is up', 'whats up', 'sup', 'apa kabar', 'gimana kabar', 'kabarnya', 'lagi apa', 'how is your day', 'how it going', 'nice to meet you', 'salam kenal', 'senang kenalan']),
  angry: cue(['stupid', 'useless', 'idiot', 'dumb', 'terrible', 'worst', 'sucks', 'wtf', 'garbage', 'trash', 'rubbish', 'pathetic', 'annoying', 'waste of time', 'bodoh', 'goblok', 'tolol', 'payah', 'bego', 'sialan', 'kesal', 'nyebelin', 'tidak berguna', 'gak guna', 'buang waktu', 'parah', 'bot bodoh', 'lemot']),
};

const VOCATIVE = '( (there|kak|mas|mbak|bang|min|admin|bro|sis|all|semua|ya|yah|dong|everyone))*';

/** A message that is only a greeting (and maybe "how are you"), answered by the assistant introducing itself. */
const GREETING_ONLY = new RegExp(
  `^((hi+|hello+|hey+|halo+|hallo+|hai+|helo+|yo|hola|good (morning|afternoon|evening)|selamat (pagi|siang|sore|malam)|assalamu ?alaikum|salam|permisi|pagi|siang|sore|malam)${VOCATIVE} ?)+$`,
);

export function isGreeting(normalized: string): boolean {
  return GREETING_ONLY.test(normalized);
}

function phrasesMatching(phrases: string[]) {
  const compiled = cue(phrases);
  return (text: string) => hasCue(tokenize(text), compiled);
}

/** The visitor wants the owner, not the assistant: always a handover, whatever the provider. */
export const asksForHuman = phrasesMatching([
  'talk to a human', 'talk to a person', 'speak to a human', 'speak to a person', 'real person', 'real human',
  'human please', 'talk to you directly', 'speak with you directly', 'talk to the owner', 'speak to the owner',
  'talk to him', 'talk to her', 'speak to him', 'speak to her', 'not a bot', 'no bot', 'live agent',
  'human agent', 'customer service', 'bicara dengan manusia', 'orang asli', 'orangnya langsung', 'bicara langsung',
  'ngobrol langsung', 'bicara dengan orangnya', 'bicara dengan pemilik', 'sama orangnya', 'dengan orangnya',
  'bukan bot', 'adminnya', 'mau ngobrol sama', 'hubungkan dengan', 'sambungkan', 'manusia saja', 'orang beneran',
  'chat with a human', 'connect me', 'a human', 'manusia asli', 'call me', 'contact me', 'email me', 'get back to me',
  'hubungi saya', 'telepon saya', 'kontak saya', 'hubungi aku',
]);

/** "Are you a bot?": answered honestly, by the assistant introducing itself. */
export const asksWhatItIs = phrasesMatching([
  'are you a bot', 'are you a robot', 'are you an ai', 'are you ai', 'are you human', 'are you a human', 'are you real',
  'is this a bot', 'is this ai', 'kamu bot', 'kamu robot', 'kamu ai', 'kamu manusia', 'ini bot', 'ini ai', 'ini robot',
  'who are you', 'siapa kamu', 'kamu siapa',
]);

/**
 * Attempts to read or change the assistant's instructions. The local
 * provider refuses them outright; hosted models get the same rule in their
 * system prompt.
 */
export const asksForInstructions = phrasesMatching([
  'system prompt', 'your prompt', 'the prompt', 'your instructions', 'previous instructions', 'prior instructions',
  'above instructions', 'ignore previous', 'ignore all', 'ignore the above', 'ignore your', 'disregard',
  'developer mode', 'jailbreak', 'reveal your', 'print your', 'show your instructions', 'repeat the text above',
  'your settings', 'your configuration', 'your rules', 'api key', 'apikey', 'secret key', 'instruksi sistem',
  'instruksimu', 'instruksi kamu', 'instruksi sebelumnya', 'abaikan', 'lupakan instruksi', 'prompt sistem',
  'pengaturanmu', 'pengaturan kamu', 'tampilkan prompt', 'perintah sebelumnya', 'from now on you', 'pretend you',
  'pretend to be', 'act as', 'you are now', 'mulai sekarang kamu', 'berpura pura', 'anggap kamu', 'new instructions',
]);
