import { SentimentId } from '@nlpjs/lang-id';
import Sentiment from 'sentiment';
import type { ConversationMood } from '@/db/schema/types';
import { languageOf, tokenize, type Language, type Token } from './language';
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

/** A word counts as negated when one of the two words before it is a negation ("not that bad", "tidak terlalu buruk"). */
const negatedAt = (words: readonly string[], index: number) =>
  [words[index - 1], words[index - 2]].some((word) => word !== undefined && NEGATIONS.has(word));

// Strong enough alone: nobody writes these to a portfolio chat in passing.
const UPSET_CUES = cue([
  'unacceptable', 'scam', 'scammer', 'scammed', 'fraud', 'refund', 'money back', 'ripped off', 'rip off', 'disappointed',
  'disappointing', 'furious', 'angry', 'pissed', 'fed up', 'sick of', 'waste of my time', 'wasted my time', 'ghosted',
  'ignoring me', 'ignored me', 'never replied', 'no reply', 'still waiting', 'liar', 'you lied', 'lawyer', 'sue you',
  'report you', 'complaint', 'frustrating', 'frustrated', 'cheated', 'not happy', 'not satisfied', 'dissatisfied',
  'unsatisfied', 'nobody answers', 'nobody is answering', 'no one answers', 'no one is answering', 'unhappy', 'disgrace', 'garbage', 'worst experience', 'ridiculous', 'outrageous', 'disgusting', 'wtf', 'worst service', 'so rude', 'how dare',
  'kecewa', 'mengecewakan', 'parah', 'penipuan', 'penipu', 'nipu', 'ditipu', 'tipu', 'marah', 'kesal', 'kesel', 'sebel',
  'nyebelin', 'uang kembali', 'balikin uang', 'kembalikan uang', 'bohong', 'pembohong', 'dikacangin', 'dicuekin',
  'tidak dibalas', 'tidak ada balasan', 'masih menunggu', 'capek nunggu', 'lapor', 'somasi', 'keterlaluan', 'tidak becus',
  'tidak profesional', 'tidak puas', 'kurang puas', 'payah', 'bikin emosi', 'rugi', 'dirugikan', 'sialan', 'anjir', 'anjing', 'brengsek',
]);

const URGENT_CUES = cue([
  'urgent', 'urgently', 'asap', 'as soon as possible', 'emergency', 'immediately', 'right away', 'right now', 'right this',
  'time sensitive', 'critical', 'need it today', 'by today', 'before tonight', 'deadline is today', 'production is down',
  'site is down', 'is down', 'hurry', 'quickly please', 'segera', 'secepatnya', 'darurat', 'mendesak', 'buru buru',
  'cepetan', 'cepat dong', 'butuh cepat', 'sekarang juga', 'hari ini juga', 'deadline today', 'deadline hari ini',
  'genting', 'gawat', 'mati total', 'lagi down', 'server down', 'kami down',
]);

/** "How do you handle urgent bugs?": a question asked like this is about the thing, not a cry for help. */
const ASKING_ABOUT = cue([
  'how do you', 'how did you', 'how would you', 'how you', 'explain', 'jelaskan', 'what is your', 'what was your', 'what are your', 'whats your',
  'what do you', 'what would you', 'do you have', 'have you', 'which', 'do you ever', 'have you ever', 'tell me about', 'bagaimana kamu', 'bagaimana cara',
  'gimana kamu', 'gimana cara', 'apa proyek', 'apa project', 'pernah', 'ceritakan', 'apa pengalaman', 'apakah ada',
]);

const sentiment = new Sentiment();
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

/** AFINN score of the message's words (slang expanded, as tokenize spells them) and emoji; negative is bad. */
function sentimentScore(words: readonly string[], emoji: readonly string[], language: Language): number {
  return sentiment.analyze([...words, ...emoji].join(' '), { language }).score;
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

/** Shouting: several words in capitals, or "!!". */
function shouts(text: string): boolean {
  const capitals = text.match(/\b[A-Z]{3,}\b/g) ?? [];
  return capitals.filter((word) => word !== 'ASAP').length >= 2 || /!{2,}/.test(text);
}

/** How negative the words have to be, with no explicit cue, before a message counts as upset. */
const UPSET_SCORE = 5;

export function moodOf(text: string, language?: Language): ConversationMood | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const words = tokens.map((token) => token.word);
  const emoji = text.match(EMOJI) ?? [];
  const lang = language ?? languageOf(text);
  // A message with no telling word is scored in both languages, and counts as its gloomier reading.
  const score = lang
    ? sentimentScore(words, emoji, lang)
    : Math.min(sentimentScore(words, emoji, 'en'), sentimentScore(words, emoji, 'id'));

  const question = text.trim().endsWith('?');
  // Unless shouted: "HOW DO YOU EXPECT ME TO WAIT??" is no question about the owner's work.
  const askingAbout = question && !shouts(text) && hasCue(tokens, ASKING_ABOUT);
  const upsetCues = liveCues(tokens, words, UPSET_CUES);
  const urgentCues = liveCues(tokens, words, URGENT_CUES);

  const negativity = -score + (shouts(text) && score < 0 ? 2 : 0) - (question ? 2 : 0) - (askingAbout ? 3 : 0);
  // A cue counts unless the rest is cheerful enough to say otherwise ("refund? no worries, all good, thanks!").
  if ((upsetCues > 0 && !askingAbout && score < 3) || negativity >= UPSET_SCORE) return 'upset';
  if (urgentCues > 0 && !askingAbout) return 'urgent';
  return null;
}
