import { distance } from 'fastest-levenshtein';

/**
 * Whether two visitor questions ask the same thing, for counting repeats of
 * an unanswered question. Deliberately small and explicit: both are cut into
 * normalised content words (case, accents, punctuation, filler words and
 * common endings gone, a few chat spellings mapped to one word), and two
 * questions are the same when most of their words pair up, allowing a typo
 * or two per word. "Do you have a blog?" = "do u have a blog??"; "Do you have
 * a blog?" ≠ "Do you have a cat?".
 */

/** Words that say nothing about what is asked, in English and Indonesian. */
const FILLERS = new Set([
  'a', 'an', 'the', 'is', 'are', 'am', 'was', 'were', 'be', 'do', 'does', 'did', 'to', 'of', 'in', 'on', 'at', 'for',
  'and', 'or', 'me', 'i', 'my', 'can', 'could', 'would', 'will', 'please', 'pls', 'hi', 'hello', 'hey', 's', 'just', 'any',
  'yang', 'dan', 'itu', 'ini', 'ya', 'sih', 'dong', 'deh', 'kak', 'mas', 'mbak', 'bang', 'aja', 'saja', 'nya', 'apakah', 'kah',
  'halo', 'hai', 'tolong', 'mau', 'boleh', 'ada', 'gitu', 'nih', 'tuh', 'min', 'gan',
]);

/** Chat spellings of the same word; the most frequent ones only. */
const SPELLINGS: Record<string, string> = {
  u: 'you', ur: 'you', your: 'you', yours: 'you', youre: 'you',
  lo: 'kamu', lu: 'kamu', elo: 'kamu', anda: 'kamu', kmu: 'kamu', km: 'kamu',
  dmn: 'mana', dimana: 'mana', skrg: 'sekarang', brp: 'berapa', udh: 'sudah', udah: 'sudah', sdh: 'sudah',
  gak: 'tidak', ga: 'tidak', nggak: 'tidak', ngga: 'tidak', enggak: 'tidak', tdk: 'tidak', gk: 'tidak',
  pake: 'pakai', gmn: 'bagaimana', gimana: 'bagaimana', knp: 'kenapa', yg: 'yang', dgn: 'dengan', utk: 'untuk', tp: 'tapi',
  whats: 'what', wheres: 'where', hows: 'how',
};

const SUFFIXES = ['nya', 'kah', 'lah', 'mu', 'ku', 'ing', 'ed', 'es', 's'];
const MIN_STEM = 3;

function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) return word.slice(0, -suffix.length);
  }
  return word;
}

/** The question as its sorted content words: the stored key that repeats are compared by. */
export function normalizeQuestion(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((word) => SPELLINGS[word] ?? word)
    .filter((word) => !FILLERS.has(word))
    .map(stem);
  return [...new Set(words)].sort().join(' ');
}

/** Typos allowed between two words of this length: none in short words, where one letter changes the word. */
const allowedTypos = (length: number) => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/** Two questions (as `normalizeQuestion` gives them) are the same when at least this share of their words pair up. */
const SAME_QUESTION_SCORE = 0.75;

export function isSameQuestion(a: string, b: string): boolean {
  if (a === b) return a !== '';
  const left = a.split(' ').filter(Boolean);
  const right = b.split(' ').filter(Boolean);
  if (left.length === 0 || right.length === 0) return false;
  const unpaired = [...right];
  let paired = 0;
  for (const word of left) {
    const index = unpaired.findIndex((other) => distance(word, other) <= allowedTypos(Math.min(word.length, other.length)));
    if (index === -1) continue;
    unpaired.splice(index, 1);
    paired++;
  }
  return (2 * paired) / (left.length + right.length) >= SAME_QUESTION_SCORE;
}
