import { describe, expect, it } from 'vitest';
import { composeLocalAnswer } from '@/ai/local/answers';
import { buildPortfolioIndex } from '@/ai/local/portfolio-index';
import { samplePortfolio } from '@/portfolio/sample';

/* The built-in assistant answers from the owner's Q&A pairs: the question as written, or in other words. */
const index = buildPortfolioIndex(samplePortfolio);
const ask = (text: string) => composeLocalAnswer([{ role: 'user', text }], index);

describe('Q&A pairs in the built-in assistant', () => {
  it.each([
    ['What are your rates?', 'quotes per project'],
    ['how much are your rates', 'quotes per project'],
    ['Would you take small projects?', 'small, well-defined jobs'],
    ['bisa kerja onsite di jakarta kak?', 'bersedia datang ke Jakarta'],
  ])('answers %j with the owner\'s own answer, citing the pair', (question, expected) => {
    const answer = ask(question);
    expect(answer.handover).toBe(false);
    expect(answer.text).toContain(expected);
    expect(answer.facts.map((fact) => fact.source)).toEqual(['qa']);
  });

  it('leaves questions the pairs do not ask to the rest of the portfolio', () => {
    const answer = ask('Where are you based?');
    expect(answer.facts.map((fact) => fact.source)).not.toContain('qa');
    expect(answer.text).toContain('Bandung');
  });

  it('answers nothing from an unpublished pair', () => {
    const unpublished = buildPortfolioIndex({ ...samplePortfolio, qa: samplePortfolio.qa.map((pair) => ({ ...pair, published: false })) });
    expect(composeLocalAnswer([{ role: 'user', text: 'What are your rates?' }], unpublished).facts.map((fact) => fact.source)).not.toContain('qa');
  });
});
