import { containsPhrase, normalize, STOPWORDS, words } from './language';
import type { PortfolioFact } from './portfolio-facts';
import { TOPIC_WORDS, topicsOf, type Topic } from './topics';

/**
 * Ranks portfolio facts against a question: a proper name the question
 * mentions (a project, a technology, a company) counts most, then the
 * question's topic, then shared rare words. Used by the local provider to
 * pick what to answer from, and for hosted models to send only the most
 * relevant part of a large portfolio.
 */

const NAME_WEIGHT = 8;
/** The owner's own name or city says little about what is being asked. */
const WEAK_NAME_WEIGHT = 2;
const TOPIC_WEIGHT = 4;
const PRIMARY_TOPIC_BONUS = 1;
const MAX_TERM_SCORE = 4;

/** A fact has to score at least this to be worth answering from. */
export const RELEVANCE_THRESHOLD = TOPIC_WEIGHT;

/** Question words that say how something is asked, never what it is about. */
const FILLER = new Set(
  (
    'kind type types sort prefer preferred usually mostly main mainly currently recently recent favorite ' +
    'anything something everything stuff thing things good best great nice cool info information details ' +
    'detail describe explain share list summary per short brief quick question questions ask asking wondering ' +
    'jelaskan ceritakan cerita sebutkan info informasi detail singkat tanya nanya pertanyaan biasanya ' +
    'utama terutama sekarang saat kini jenis macam apa aja gitu deh kak mas mbak bang pak bu min'
  ).split(' '),
);

export type RankedFact = { fact: PortfolioFact; score: number };

export type QuestionAnalysis = {
  topics: Topic[];
  /** Facts named outright by the question, best first. */
  mentioned: PortfolioFact[];
  /** Content words found in no fact: what the portfolio cannot speak to. */
  unknownTerms: string[];
  ranked: RankedFact[];
};

/** English plurals compare as their singular ("databases" finds "database"). */
const stem = (word: string) => (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

const stemmedWords = (text: string) => new Set(words(text).map(stem));

/**
 * The longest of `names` the question mentions, normalised, or null. Short
 * names ("Go") only count when written as a name, so the verb "go" does not
 * match; a name that is an everyday topic word (a career entry called
 * "Freelance") names nothing in particular.
 */
function mentionedName(question: string, normalizedQuestion: string, names: string[]): string | null {
  let longest: string | null = null;
  for (const name of names) {
    const normalizedName = normalize(name);
    if (!normalizedName || TOPIC_WORDS.has(normalizedName)) continue;
    const mentioned =
      normalizedName.length < 3
        ? new RegExp(`(^|[^A-Za-z])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`).test(question)
        : containsPhrase(normalizedQuestion, normalizedName);
    if (mentioned && normalizedName.length > (longest?.length ?? 0)) longest = normalizedName;
  }
  return longest;
}

function contentWords(question: string): string[] {
  return [...new Set(words(question))]
    .filter((word) => word.length >= 3 && !STOPWORDS.has(word) && !FILLER.has(word))
    .filter((word) => !TOPIC_WORDS.has(word) && !TOPIC_WORDS.has(stem(word)));
}

export function analyzeQuestion(question: string, facts: PortfolioFact[]): QuestionAnalysis {
  const normalizedQuestion = normalize(question);
  const questionTopics = topicsOf(question);
  const factWords = facts.map((fact) => stemmedWords(`${fact.text} ${fact.names.join(' ')}`));
  const terms = contentWords(question);
  const documentFrequency = new Map(terms.map((term) => [term, factWords.filter((set) => set.has(stem(term))).length]));

  const ranked = facts
    .map((fact, index) => {
      const nameWeight = fact.source === 'about' || fact.source === 'location' ? WEAK_NAME_WEIGHT : NAME_WEIGHT;
      const name = mentionedName(question, normalizedQuestion, fact.names);
      const topicIndex = questionTopics.indexOf(fact.topic);
      let termScore = 0;
      for (const term of terms) {
        const frequency = documentFrequency.get(term)!;
        if (frequency > 0 && factWords[index]!.has(stem(term))) termScore += Math.log(1 + facts.length / frequency);
      }
      const score =
        (name ? nameWeight : 0) +
        (topicIndex >= 0 ? TOPIC_WEIGHT + (topicIndex === 0 ? PRIMARY_TOPIC_BONUS : 0) : 0) +
        Math.min(termScore, MAX_TERM_SCORE);
      return { fact, score, name: nameWeight === NAME_WEIGHT ? name : null };
    })
    .sort((a, b) => b.score - a.score);
  // "Kopiloka Storefront" names the project, not also the company "Kopiloka" inside it.
  const names = ranked.flatMap((entry) => (entry.name ? [entry.name] : []));
  const isNamed = (name: string | null) =>
    name !== null && !names.some((other) => other.length > name.length && containsPhrase(other, name));

  return {
    topics: questionTopics,
    mentioned: ranked.filter((entry) => isNamed(entry.name)).map((entry) => entry.fact),
    unknownTerms: terms.filter((term) => documentFrequency.get(term) === 0),
    ranked: ranked.map(({ fact, score }) => ({ fact, score })),
  };
}

/**
 * The facts a hosted model sees for one question: all of them while they fit
 * in `budgetChars`, otherwise the best-ranked that fit (the owner's summary
 * always first), so a large portfolio does not flood the prompt.
 */
export function selectContext(question: string, facts: PortfolioFact[], budgetChars: number): PortfolioFact[] {
  const total = facts.reduce((sum, fact) => sum + fact.text.length + 1, 0);
  if (total <= budgetChars) return facts;
  const { ranked } = analyzeQuestion(question, facts);
  const ordered = [...ranked.filter(({ fact }) => fact.source === 'about'), ...ranked.filter(({ fact }) => fact.source !== 'about')];
  const chosen: PortfolioFact[] = [];
  let used = 0;
  for (const { fact } of ordered) {
    if (used + fact.text.length + 1 > budgetChars) continue;
    chosen.push(fact);
    used += fact.text.length + 1;
  }
  // Back in portfolio order, which reads better than score order.
  return facts.filter((fact) => chosen.includes(fact));
}
