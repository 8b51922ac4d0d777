import { sameWord, STOPWORDS, tokenize, type Language, type Token } from '../language';
import type { FactEntry, PortfolioFact } from '../portfolio-facts';

/**
 * The owner's own Q&A pairs, matched on the question's content words (stems
 * and slang included, so "udh brp lama jd dev?" meets "How long have you been
 * a developer?" only through the words they share, not through the letters).
 */

type QaEntry = Extract<FactEntry, { kind: 'qa' }>;
export type QaPair = QaEntry & { fact: PortfolioFact; words: Token[] };

const contentWords = (text: string) => tokenize(text).filter((token) => token.word.length > 1 && !STOPWORDS.has(token.word));

export function qaPairsOf(facts: PortfolioFact[]): QaPair[] {
  return facts.flatMap((fact) => (fact.entry.kind === 'qa' ? [{ ...fact.entry, fact, words: contentWords(fact.entry.question) }] : []));
}

/** Shares of the pair's words the message has, and of the message's words the pair has. */
function overlap(message: Token[], pair: Token[]): { ofPair: number; ofMessage: number } {
  if (message.length === 0 || pair.length === 0) return { ofPair: 0, ofMessage: 0 };
  const inPair = pair.filter((word) => message.some((other) => sameWord(word, other))).length;
  const inMessage = message.filter((word) => pair.some((other) => sameWord(word, other))).length;
  return { ofPair: inPair / pair.length, ofMessage: inMessage / message.length };
}

/**
 * The pair the message asks, or null. `strict` (before the structured answers)
 * wants nearly the same question; the fallback, for a question nothing else
 * answers, accepts most of the pair's words. A pair in the visitor's language
 * wins a tie.
 */
export function matchQaPair(message: string, pairs: QaPair[], language: Language, strict: boolean): QaPair | null {
  if (pairs.length === 0) return null;
  const asked = contentWords(message);
  const [minOfPair, minOfMessage] = strict ? [0.75, 0.6] : [0.5, 0.34];
  let best: { pair: QaPair; score: number } | null = null;
  for (const pair of pairs) {
    const { ofPair, ofMessage } = overlap(asked, pair.words);
    if (ofPair < minOfPair || ofMessage < minOfMessage) continue;
    const score = ofPair + ofMessage + (pair.language === language ? 0.01 : 0);
    if (!best || score > best.score) best = { pair, score };
  }
  return best?.pair ?? null;
}
