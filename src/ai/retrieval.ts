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

/** Short names ("Go") only count when written as a name, so the verb "go" does not match. */
function mentionsName(question: string, normalizedQuestion: string, name: string): boolean {
  const normalizedName = normalize(name);
  // A name that is an everyday word of a topic (a career entry called "Freelance") names nothing in particular.
  if (!normalizedName || TOPIC_WORDS.has(normalizedName)) return false;
  if (normalizedName.length < 3) return new RegExp(`(^|[^A-Za-z])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`).test(question);
  return containsPhrase(normalizedQuestion, normalizedName);
}

function contentWords(question: string): string[] {
  return [...new Set(words(question))].filter(
    (word) => word.length >= 3 && !STOPWORDS.has(word) && !TOPIC_WORDS.has(word) && !FILLER.has(word),
  );
}

export function analyzeQuestion(question: string, facts: PortfolioFact[]): QuestionAnalysis {
  const normalizedQuestion = normalize(question);
  const questionTopics = topicsOf(question);
  const factWords = facts.map((fact) => new Set(words(`${fact.text} ${fact.names.join(' ')}`)));
  const terms = contentWords(question);
  const documentFrequency = new Map(terms.map((term) => [term, factWords.filter((set) => set.has(term)).length]));

  const ranked = facts
    .map((fact, index) => {
      const nameWeight = fact.source === 'about' || fact.source === 'location' ? WEAK_NAME_WEIGHT : NAME_WEIGHT;
      const named = fact.names.some((name) => mentionsName(question, normalizedQuestion, name));
      const topicIndex = questionTopics.indexOf(fact.topic);
      let termScore = 0;
      for (const term of terms) {
        const frequency = documentFrequency.get(term)!;
        if (frequency > 0 && factWords[index]!.has(term)) termScore += Math.log(1 + facts.length / frequency);
      }
      const score =
        (named ? nameWeight : 0) +
        (topicIndex >= 0 ? TOPIC_WEIGHT + (topicIndex === 0 ? PRIMARY_TOPIC_BONUS : 0) : 0) +
        Math.min(termScore, MAX_TERM_SCORE);
      return { fact, score, named: named && nameWeight === NAME_WEIGHT };
    })
    .sort((a, b) => b.score - a.score);

  return {
    topics: questionTopics,
    mentioned: ranked.filter((entry) => entry.named).map((entry) => entry.fact),
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
