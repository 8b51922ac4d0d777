import { SentimentId } from '@nlpjs/lang-id';
import Sentiment from 'sentiment';
import type { ConversationMood } from '@/db/schema/types';
import { languageOf, toToken, tokenize, type Language, type Token } from './language';
import { cue, hasCue, phraseAt, type Cue } from './topics';

/**
 * Whether a visitor's message reads as upset or urgent, so the owner sees it
 * first and answers it personally. Two signals: an AFINN sentiment score
 * (the `sentiment` package's English list, NLP.js's Indonesian one) and
 * explicit cues ("refund", "unacceptable", "kecewa", "tolong segera"). A cue
 * or a negative word right after a negation ("not bad", "bukan penipuan",
 * "no rush") does not count. Questions about bad things ("what's your worst
 * project?", "how do you handle errors?") are what a portfolio chat is for:
 * asking one lowers the score, so a single negative word in a question is
 * never enough. The thresholds are tuned on tests/ai/fixtures/mood-set.ts
 * (`npm run bench:mood` prints how well they do).
 */

const NEGATIONS = new Set(
  (
    'not no never dont doesnt didnt isnt arent wasnt werent cant cannot couldnt wont wouldnt shouldnt aint nothing ' +
    'hardly without tidak tak bukan belum jangan kurang tanpa'
  ).split(' '),
);

/**
 * A word counts as negated when one of the three words before it is a negation ("not that bad", "not in a hurry",
 * "tidak terlalu buruk"); "nggak usah" (don't bother) forbids rather than negates: "nggak usah banyak alasan".
 */
const negatedAt = (words: readonly string[], index: number) =>
  [index - 1, index - 2, index - 3].some((at) => at >= 0 && NEGATIONS.has(words[at]!) && words[at + 1] !== 'usah');

// Strong enough alone: nobody writes these to a portfolio chat in passing.
const UPSET_CUES = cue([
  'unacceptable', 'scam', 'scammer', 'fraud', 'refund', 'money back', 'ripped off', 'disappointed',
  'furious', 'angry', 'pissed', 'fed up', 'sick of', 'waste of my time', 'wasted my time', 'ghosted',
  'ignoring me', 'never replied', 'no reply', 'still waiting', 'liar', 'you lied', 'lawyer', 'sue you',
  'report you', 'complaint', 'frustrating', 'cheated', 'not happy', 'not satisfied', 'dissatisfied',
  'unsatisfied', 'nobody answers', 'nobody is answering', 'no one answers', 'no one is answering', 'unhappy', 'disgrace', 'garbage', 'worst experience', 'ridiculous', 'outrageous', 'disgusting', 'wtf', 'worst service', 'so rude', 'how dare',
  'kecewa', 'mengecewakan', 'parah', 'penipuan', 'nipu', 'ditipu', 'marah', 'kesal', 'kesel', 'sebel',
  'nyebelin', 'uang kembali', 'balikin uang', 'bohong', 'dikacangin', 'dicuekin',
  'tidak dibalas', 'tidak ada balasan', 'masih menunggu', 'capek nunggu', 'lapor', 'somasi', 'keterlaluan', 'tidak becus',
  'tidak profesional', 'tidak puas', 'kurang puas', 'payah', 'bikin emosi', 'rugi', 'sialan', 'anjir', 'anjing', 'brengsek',
  // Waiting without an answer, and asking again.
  'still nothing', 'still no answer', 'still no news',
  'still not fixed', 'still not working', 'still not done', 'still not answered', 'no response', 'no update', 'no answer yet',
  'nobody cares', 'nobody seems to care', 'no one cares', 'no one seems to care', 'doesnt care', 'third time', 'fourth time',
  'again and again', 'asked twice', 'keep asking', 'stop ignoring', 'ignoring my',
  'do you even', 'are you even', 'anyone there', 'anybody there', 'anyone home',
  // Blame, broken promises, money.
  'regret hiring', 'regret working', 'misled', 'what a joke', 'is a joke', 'such a joke', 'a mess', 'this mess', 'useless',
  'incompetent', 'unprofessional', 'not paying', 'wont pay', 'expected better', 'expected much better', 'for the money i paid',
  'charged twice', 'charged me twice', 'double charged', 'overcharged', 'you broke', 'you ruined', 'keeps crashing',
  'keeps breaking', 'doesnt even', 'didnt even', 'complaining', 'waste of money', 'poor service', 'terrible service',
  'bad service', 'never again', 'not what i asked', 'not what we agreed', 'you promised',
  'sick and tired', 'enough is enough', 'bad review', 'one star',
  'belum ada kabar', 'belum ada balasan', 'belum ada jawaban', 'belum ada respon', 'belum dibalas', 'belum dijawab',
  'tidak pernah dijawab', 'tidak pernah dibalas', 'tidak dijawab', 'tidak direspon', 'tidak ada respon', 'kedua kalinya',
  'ketiga kalinya', 'berkali kali', 'kok tidak', 'kok belum', 'gimana sih',
  'bagaimana sih', 'tidak sesuai', 'dijanjikan', 'menyesal', 'tidak berguna', 'error terus', 'eror terus',
  'rusak terus', 'malu', 'dikembalikan', 'kembalikan', 'pelayanan buruk', 'buang waktu', 'buang uang',
  'kapok', 'tidak mau bayar', 'mana hasilnya',
  'silence', 'no word', 'not replied', 'hasnt replied', 'nobody has replied', 'no one has replied',
  'havent heard', 'have not heard', 'heard nothing', 'losing patience', 'lost patience', 'out of patience', 'nightmare',
  'nothing like the', 'not what we approved', 'chase you', 'every single time', 'deposit back',
  'three times', 'several times', 'many times', 'times already', 'answer me', 'not helpful', 'unhelpful',
  'still is not', 'still isnt', 'and it still',
  'tidak ada kabar', 'kesabaran', 'beda jauh', 'jauh berbeda', 'mengejar kamu', 'ngejar kamu', 'dp kembali', 'minta dp',
  'minta uang', 'beberapa kali', 'jawab dong', 'tidak membantu', 'bikin pusing', 'belum juga',
  'sampai sekarang belum',
  'without a single update', 'without an update', 'without any update', 'not a single update', 'another week without',
  'another day without', 'not impressed', 'unimpressed', 'annoyed', 'irritated', 'let me down', 'let us down',
  'the excuses', 'no more excuses', 'come on', 'nobody noticed', 'no one noticed', 'broken for', 'received nothing',
  'got nothing', 'canned answer', 'a disaster', 'total disaster', 'complete disaster', 'this chat even',
  'even monitored', 'anyone reading', 'you wasted', 'you have wasted',
  'tanpa kabar', 'tanpa balasan', 'jengkel', 'ada orang tidak', 'ada yang baca', 'ada yang balas', 'makin tidak jelas',
  'banyak alasan', 'alasan terus', 'tidak ada yang sadar', 'belum terima apa apa', 'tidak terima apa apa', 'jawaban template',
  'ini bencana', 'benar benar bencana',
]);

/** Something of the visitor's is broken or gone: urgent when time presses too ("the site is down, please help"). */
const TROUBLE_CUES = cue([
  'down', 'offline', 'broken', 'broke', 'crashed', 'not working', 'stopped working', 'doesnt work',
  'doesnt load', 'wont load', 'cant access', 'cannot access', 'cant log in', 'cant login', 'error', 'hacked',
  'wiped', 'deleted', 'outage', 'losing sales', 'losing money', 'losing customers', 'losing orders',
  'rusak', 'eror', 'mati', 'tidak bisa diakses', 'tidak bisa dibuka', 'tidak bisa login', 'tidak bisa masuk', 'terhapus',
  'hilang', 'diretas', 'bermasalah', 'gangguan', 'cannot check out', 'cant check out', 'cannot pay',
  'tidak bisa checkout', 'tidak bisa bayar', 'berhenti jalan', 'tidak jalan', 'leaked', 'fails',
  'not sending', 'stopped sending', 'bocor', 'gagal', 'tidak terkirim',
]);

/** Time presses, or help is asked for at once. */
const PRESSURE_CUES = cue([
  'now', 'today', 'tonight', 'this morning', 'hours', 'minutes',
  'as soon as you can', 'soon as possible', 'quickly', 'please help', 'help us', 'help me', 'losing',
  'before the launch', 'before the demo', 'before the meeting', 'call me back',
  'it is important', 'very important', 'really important', 'as fast as possible', 'secepat mungkin', 'before our', 'tomorrow',
  'sekarang', 'hari ini', 'malam ini', 'pagi ini', 'dari pagi', 'besok pagi', 'jam', 'menit', 'cepat', 'tolong dibantu',
  'mohon bantuan', 'butuh bantuan', 'perlu bantuan', 'penting sekali', 'penting banget', 'sangat penting', 'nanti malam',
]);

const THANKS = cue(['thanks', 'great', 'awesome', 'perfect', 'terima kasih', 'makasih', 'mantap']);

/** The visitor's money: with a bad word in the same statement, a complaint about what it bought. */
const PAID = cue(['paid', 'pay', 'deposit', 'invoice', 'bayar', 'dp', 'transfer', 'lunas']);

/** Asking for the owner's action: urgent when time presses ("can you reply today?", "mohon dibalas cepat"). */
const REQUEST_CUES = cue([
  'reply', 'respond', 'answer', 'call me', 'call us', 'check', 'fix', 'look at', 'get back to me', 'need someone',
  'dibalas', 'dijawab', 'dicek', 'diperbaiki', 'dilihat', 'hubungi', 'telepon', 'cek', 'kabari', 'kabarin',
  'beres', 'harus selesai',
]);

/** Words that make the next (English) or the previous (Indonesian "buruk sekali") feeling stronger. */
const INTENSIFIERS = new Set('very really so extremely super totally utterly absolutely incredibly sangat amat terlalu'.split(' '));
const TRAILING_INTENSIFIERS = new Set('sekali banget amat'.split(' '));

const URGENT_CUES = cue([
  'urgent', 'asap', 'as soon as possible', 'emergency', 'immediately', 'right away', 'right now', 'right this',
  'time sensitive', 'critical', 'need it today', 'by today', 'before tonight', 'deadline is today',
  'is down', 'hurry', 'quickly please', 'segera', 'secepatnya', 'darurat', 'mendesak', 'buru buru',
  'cepetan', 'cepat dong', 'butuh cepat', 'sekarang juga', 'hari ini juga', 'deadline today', 'deadline hari ini',
  'genting', 'gawat', 'mati total', 'lagi down', 'server down', 'kami down', 'kritis',
]);

/** "How do you handle urgent bugs?": a question asked like this is about the thing, not a cry for help. */
const ASKING_ABOUT = cue([
  'how do you', 'how did you', 'how would you', 'how you', 'explain', 'jelaskan', 'what is your', 'what was your', 'what are your',
  'what do you', 'what would you', 'do you have', 'have you', 'which', 'do you ever', 'tell me about', 'bagaimana kamu', 'bagaimana cara',
  'gimana kamu', 'gimana cara', 'apa proyek', 'apa project', 'kamu pernah', 'pernah kamu', 'apakah pernah', 'ceritakan', 'apa pengalaman', 'apakah ada',
  'do you offer', 'do you provide', 'do you do', 'do you give', 'do you accept', 'what happens if', 'is it possible',
  'apakah bisa', 'refundable', 'bisa dikembalikan', 'apa yang kamu',
]);
/** "Pernah bikin …?" opens the Indonesian "have you ever …?" with no pronoun at all. */
const ASKING_OPENERS = new Set(['pernah']);

/** What a visitor judges when they complain: "terrible communication", "pelayanannya buruk", "the result is poor". */
const JUDGED = cue([
  'communication', 'service', 'support', 'experience', 'quality', 'result', 'response', 'delivery',
  'komunikasi', 'pelayanan', 'hasil', 'kualitas', 'respon', 'pengerjaan',
]);

const sentiment = new Sentiment();
/** Feelings of a disappointed client that the AFINN lists do not score (or score mildly). */
const EXTRA_SCORES: Record<Language, Record<string, number>> = {
  // AFINN scores "no" itself -1, so "no worries" read as two bad words.
  en: { no: 0, nightmare: -3, stressful: -2, stressed: -2, misleading: -2, unreliable: -2, unresponsive: -2, buggy: -2, crashing: -2, broken: -2 },
  // NLP.js's list scores "siap" (ready, will do) -2.
  id: { siap: 1, pusing: -2, berantakan: -2, menyesal: -2, kapok: -2, lemot: -2, lelet: -2, ngaret: -2, capek: -2, telat: -1, kesal: -2 },
};
/**
 * The translated list scores "sangat" (very) +4 and "tidak" (not) -2, which
 * would make "sangat kecewa" positive and every negation negative: they go,
 * negations are the scoring strategy's job. A copy also because the package
 * adds its emoji scores into the labels it is given.
 */
const { sangat: _very, tidak: _not, ...indonesianLabels } = SentimentId.afinn;
sentiment.registerLanguage('id', {
  labels: indonesianLabels,
  scoringStrategy: { apply: (tokens, cursor, score) => (negatedAt(tokens, cursor) ? -score : score) },
});

const EMOJI = /\p{Extended_Pictographic}/gu;

type Reading = { score: number; negative: ReadonlySet<string> };

/**
 * AFINN score of the message's words (slang expanded, as tokenize spells them) and emoji, negative is bad,
 * with the words that scored below zero. A negative word made stronger ("really poor", "buruk sekali") counts one more.
 */
function sentimentOf(words: readonly string[], emoji: readonly string[], language: Language): Reading {
  const result = sentiment.analyze([...words, ...emoji].join(' '), { language, extras: EXTRA_SCORES[language] });
  const negative = new Set(result.negative);
  const strengthened = words.filter(
    (word, index) => negative.has(word) && (INTENSIFIERS.has(words[index - 1] ?? '') || TRAILING_INTENSIFIERS.has(words[index + 1] ?? '')),
  ).length;
  return { score: result.score - strengthened, negative };
}

/** How many phrases of the cue occur in the message without a negation just before them. */
function liveCues(tokens: Token[], words: readonly string[], phrases: Cue): number {
  let hits = 0;
  for (const phrase of phrases) {
    for (let start = 0; start + phrase.length <= tokens.length; start++) {
      if (phraseAt(tokens, phrase, start) && !negatedAt(words, start)) {
        hits += 1;
        break;
      }
    }
  }
  return hits;
}

/** A negative word (not negated) within two words of a thing a visitor judges: a complaint, not a topic. */
function judgesBadly(tokens: Token[], words: readonly string[], negative: ReadonlySet<string>): boolean {
  return words.some(
    (word, index) =>
      negative.has(word) &&
      !negatedAt(words, index) &&
      hasCue(tokens.slice(Math.max(0, index - 2), index + 3), JUDGED),
  );
}

/** Shouting: several words in capitals, or "!!". */
function shouts(text: string): boolean {
  const capitals = text.match(/\b[A-Z]{3,}\b/g) ?? [];
  return capitals.filter((word) => word !== 'ASAP').length >= 2 || /!{2,}/.test(text);
}

/** How negative the words have to be, with no explicit cue, before a message counts as upset. */
const UPSET_SCORE = 4;

export function moodOf(text: string, language?: Language): ConversationMood | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const words = tokens.map((token) => token.word);
  const emoji = text.match(EMOJI) ?? [];
  const lang = language ?? languageOf(text);
  // A message with no telling word is scored in both languages, and counts as its gloomier reading.
  const reading = lang
    ? sentimentOf(words, emoji, lang)
    : [sentimentOf(words, emoji, 'en'), sentimentOf(words, emoji, 'id')].reduce((a, b) => (b.score < a.score ? b : a));
  const score = reading.score;

  const question = text.trim().endsWith('?');
  // Unless shouted: "HOW DO YOU EXPECT ME TO WAIT??" is no question about the owner's work.
  const askingAbout = question && !shouts(text) && (hasCue(tokens, ASKING_ABOUT) || ASKING_OPENERS.has(words[0]!));
  const pressure = liveCues(tokens, words, PRESSURE_CUES) > 0;
  const trouble = hasCue(tokens, TROUBLE_CUES);
  // Money paid and a bad word in one calm statement: "I paid for a working product and got a broken one"
  // ("the payment page is broken, help now" is trouble in a hurry, not a complaint about money).
  const paidForBad = !question && !pressure && hasCue(tokens, PAID) && [...reading.negative].some((word) => !hasCue([toToken(word)], PAID));
  const upsetCues = liveCues(tokens, words, UPSET_CUES) + (judgesBadly(tokens, words, reading.negative) || paidForBad ? 1 : 0);
  const urgentCues = liveCues(tokens, words, URGENT_CUES);

  const negativity = -score + (shouts(text) && score < 0 ? 2 : 0) - (question ? 2 : 0) - (askingAbout ? 3 : 0);
  // A cue counts unless the rest is cheerful enough to say otherwise ("refund? no worries, all good, thanks!").
  if (upsetCues > 0 && !askingAbout && score < 3) return 'upset';
  // A grateful "thanks for the quick answer!" presses nobody.
  const pressed = !hasCue(tokens, THANKS) && ((trouble && (pressure || text.includes('!'))) || (pressure && hasCue(tokens, REQUEST_CUES)));
  // Before the bare score: "rusak", "down" and "broken" score as bad words, but they name the trouble, not a feeling.
  if ((urgentCues > 0 || pressed) && !askingAbout) return 'urgent';
  if (negativity >= UPSET_SCORE) return 'upset';
  return null;
}
