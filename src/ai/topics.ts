import { containsPhrase, normalize } from './language';

/**
 * What a visitor's question is about, recognised from English and Indonesian
 * phrasings and their synonyms ("stack", "teknologi", "skills"; "kerja",
 * "experience", "career"). Portfolio facts carry the same topics, which is
 * how a question finds its facts even when it shares no word with them.
 */
export const topics = [
  'skills',
  'career',
  'projects',
  'contact',
  'availability',
  'about',
  'location',
  'values',
  'interests',
] as const;
export type Topic = (typeof topics)[number];

/** Normalised phrases per topic; several words match as a phrase. */
const TOPIC_PHRASES: Record<Topic, string[]> = {
  skills: [
    'stack', 'tech', 'tech stack', 'techstack', 'technology', 'technologies', 'teknologi', 'skill', 'skills',
    'skillset', 'keahlian', 'keterampilan', 'kemampuan', 'tools', 'tool', 'tooling', 'framework', 'frameworks',
    'language', 'languages', 'programming', 'databases', 'database', 'bahasa pemrograman', 'pemrograman', 'kuasai', 'menguasai', 'dikuasai',
    'expertise', 'use', 'uses', 'using', 'pakai', 'pake', 'memakai', 'menggunakan', 'proficient', 'good at',
    'familiar', 'know', 'coding', 'code', 'develop with', 'frontend', 'backend', 'devops', 'keahlianmu',
  ],
  career: [
    'work', 'worked', 'working', 'works', 'job', 'jobs', 'career', 'karier', 'karir', 'experience', 'experiences',
    'pengalaman', 'kerja', 'bekerja', 'pekerjaan', 'employer', 'employers', 'company', 'companies', 'perusahaan',
    'kantor', 'role', 'roles', 'position', 'posisi', 'jabatan', 'background', 'history', 'riwayat', 'cv', 'resume',
    'worked at', 'years', 'tahun', 'senior', 'jobdesk',
  ],
  projects: [
    'project', 'projects', 'proyek', 'projek', 'project mu', 'proyekmu', 'portfolio', 'portofolio', 'built',
    'build', 'building', 'made', 'make', 'bikin', 'buat', 'membuat', 'dibuat', 'karya', 'aplikasi', 'app', 'apps',
    'side project', 'open source', 'repo', 'github', 'demo',
  ],
  contact: [
    'contact', 'kontak', 'hubungi', 'menghubungi', 'dihubungi', 'email', 'e mail', 'surel', 'reach', 'reach you',
    'get in touch', 'touch', 'message you', 'call', 'phone', 'telepon', 'whatsapp', 'wa', 'linkedin', 'hubungan',
  ],
  availability: [
    'freelance', 'freelancer', 'lepas', 'available', 'availability', 'tersedia', 'hire', 'hiring', 'rekrut',
    'merekrut', 'contract', 'kontrak', 'open to work', 'opportunity', 'opportunities', 'lowongan', 'kerja sama',
    'kerjasama', 'collaborate', 'collaboration', 'kolaborasi', 'side job', 'sampingan', 'remote', 'job offer',
    'tawaran', 'bisa diajak', 'menerima', 'accept',
  ],
  about: [
    'who', 'siapa', 'about you', 'about yourself', 'yourself', 'tentang kamu', 'tentang anda', 'dirimu',
    'diri', 'introduce', 'perkenalkan', 'kenalan', 'profile', 'profil', 'bio', 'title', 'developer',
  ],
  location: [
    // Not a bare "where": "where have you worked" asks about work, not about a place.
    'where are you', 'where do you live', 'from where', 'located', 'location', 'lokasi', 'live', 'living', 'based',
    'tinggal', 'domisili', 'dari mana', 'asal', 'berasal', 'city', 'kota', 'country', 'negara',
  ],
  values: ['value', 'values', 'nilai', 'prinsip', 'principle', 'principles', 'philosophy', 'filosofi', 'approach', 'cara kerja'],
  interests: ['interest', 'interests', 'hobby', 'hobbies', 'hobi', 'minat', 'passion', 'free time', 'waktu luang', 'suka', 'enjoy'],
};

const normalizedTopicPhrases = Object.entries(TOPIC_PHRASES).map(
  ([topic, phrases]) => [topic as Topic, phrases.map(normalize)] as const,
);

/** Every word any topic phrase uses: such words say what is asked, not which thing it is asked about. */
export const TOPIC_WORDS = new Set(normalizedTopicPhrases.flatMap(([, phrases]) => phrases.flatMap((phrase) => phrase.split(' '))));

/** The topics a question mentions, strongest (most matching phrases) first. */
export function topicsOf(text: string): Topic[] {
  const normalized = normalize(text);
  return normalizedTopicPhrases
    .map(([topic, phrases]) => [topic, phrases.filter((phrase) => containsPhrase(normalized, phrase)).length] as const)
    .filter(([, hits]) => hits > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([topic]) => topic);
}

const phrasesMatching = (phrases: string[]) => {
  const normalized = phrases.map(normalize);
  return (text: string) => {
    const question = normalize(text);
    return normalized.some((phrase) => containsPhrase(question, phrase));
  };
};

const VOCATIVE = '( (there|kak|mas|mbak|bang|min|admin|bro|sis|all|semua|ya|yah|dong))*';

/** Small talk the assistant answers by introducing itself. */
const GREETING_ONLY = new RegExp(
  `^((hi+|hello+|hey+|halo+|hallo+|hai+|helo+|yo|hola|good (morning|afternoon|evening)|selamat (pagi|siang|sore|malam)|assalamu ?alaikum|salam|permisi|pagi|siang|sore|malam)${VOCATIVE} ?)*(how are you( doing)?|apa kabar|gimana kabar(nya)?)?${VOCATIVE}$`,
);

/** Thanks and acknowledgements, answered with a friendly offer to help further. */
const THANKS_ONLY = new RegExp(
  `^(thanks?( you)?( so much| a lot)?|thx|ty|cheers|great|cool|nice|awesome|ok|oke|okay|okey|sip|mantap|siap|baik|terima kasih( banyak)?|makasih( banyak)?|trims|thank u)${VOCATIVE}$`,
);

export function isGreeting(text: string): boolean {
  const normalized = normalize(text);
  return normalized !== '' && GREETING_ONLY.test(normalized);
}

export function isThanks(text: string): boolean {
  return THANKS_ONLY.test(normalize(text));
}

/** The visitor wants the owner, not the assistant: always a handover, whatever the provider. */
export const asksForHuman = phrasesMatching([
  'talk to a human', 'talk to a person', 'speak to a human', 'speak to a person', 'real person', 'real human',
  'human please', 'talk to you directly', 'speak with you directly', 'talk to the owner', 'speak to the owner',
  'talk to him', 'talk to her', 'speak to him', 'speak to her', 'not a bot', 'no bot', 'no bots',
  'live agent', 'human agent', 'customer service', 'bicara dengan manusia', 'orang asli', 'orangnya langsung',
  'bicara langsung', 'ngobrol langsung', 'bicara dengan orangnya', 'bicara dengan pemilik', 'sama orangnya',
  'dengan orangnya', 'bukan bot', 'admin nya', 'adminnya', 'mau ngobrol sama', 'hubungkan dengan', 'sambungkan',
]);

/** "Are you a bot?": answered honestly, by the assistant introducing itself. */
export const asksWhatItIs = phrasesMatching([
  'are you a bot', 'are you a robot', 'are you an ai', 'are you ai', 'are you human', 'are you a human', 'are you real',
  'is this a bot', 'is this ai', 'kamu bot', 'kamu robot', 'kamu ai', 'kamu manusia', 'ini bot', 'ini ai', 'ini robot',
]);

/**
 * Attempts to read the assistant's instructions or configuration. The local
 * provider refuses them outright; hosted models get the same rule in their
 * system prompt.
 */
export const asksForInstructions = phrasesMatching([
  'system prompt', 'your prompt', 'the prompt', 'your instructions', 'previous instructions', 'prior instructions',
  'above instructions', 'ignore previous', 'ignore all', 'ignore the above', 'ignore your', 'disregard',
  'developer mode', 'jailbreak', 'reveal your', 'print your', 'show your instructions', 'repeat the text above',
  'your settings', 'your configuration', 'your rules', 'api key', 'apikey', 'secret key', 'instruksi sistem',
  'instruksimu', 'instruksi kamu', 'instruksi sebelumnya', 'abaikan', 'lupakan instruksi', 'prompt sistem',
  'pengaturanmu', 'pengaturan kamu', 'tampilkan prompt', 'perintah sebelumnya',
]);
