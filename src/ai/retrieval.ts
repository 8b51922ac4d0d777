import { normalize, STOPWORDS, tokenize } from './language';
import type { PortfolioFact } from './portfolio-facts';
import { topicsOf } from './topics';

/**
 * Which facts a hosted model sees for one question from a large portfolio:
 * a proper name the question mentions (a project, a technology, a company)
 * counts most, then the question's topic, then shared words (by stem, so
 * "pengalamannya" still meets "pengalaman").
 */

const NAME_WEIGHT = 8;
const TOPIC_WEIGHT = 4;
const MAX_TERM_SCORE = 4;

function rank(question: string, facts: PortfolioFact[]): { fact: PortfolioFact; score: number }[] {
  const normalizedQuestion = ` ${normalize(question)} `;
  const tokens = tokenize(question);
  const questionTopics = topicsOf(tokens);
  const terms = tokens.filter((token) => token.word.length >= 3 && !STOPWORDS.has(token.word));
  return facts.map((fact) => {
    const factWords = new Set(tokenize(`${fact.text} ${fact.names.join(' ')}`).flatMap((token) => [token.word, token.en, token.id]));
    const named = fact.names.some((name) => normalize(name).length >= 3 && normalizedQuestion.includes(` ${normalize(name)} `));
    const shared = terms.filter((term) => factWords.has(term.word) || factWords.has(term.en) || factWords.has(term.id)).length;
    const score = (named ? NAME_WEIGHT : 0) + (questionTopics.includes(fact.topic) ? TOPIC_WEIGHT : 0) + Math.min(shared, MAX_TERM_SCORE);
    return { fact, score };
  });
}

/**
 * The facts a hosted model sees for one question: all of them while they fit
 * in `budgetChars`, otherwise the best-ranked that fit (the owner's profile
 * always first), so a large portfolio does not flood the prompt.
 */
export function selectContext(question: string, facts: PortfolioFact[], budgetChars: number): PortfolioFact[] {
  const total = facts.reduce((sum, fact) => sum + fact.text.length + 1, 0);
  if (total <= budgetChars) return facts;
  const ranked = rank(question, facts).sort((a, b) => b.score - a.score);
  const ordered = [...ranked.filter(({ fact }) => fact.id === 'about'), ...ranked.filter(({ fact }) => fact.id !== 'about')];
  const chosen = new Set<PortfolioFact>();
  let used = 0;
  for (const { fact } of ordered) {
    if (used + fact.text.length + 1 > budgetChars) continue;
    chosen.add(fact);
    used += fact.text.length + 1;
  }
  // Back in portfolio order, which reads better than score order.
  return facts.filter((fact) => chosen.has(fact));
}
