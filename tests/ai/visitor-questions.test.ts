import { describe, expect, it } from 'vitest';
import { visitorCases } from './visitor-questions/cases';
import { judge, runCase, scoreVisitorCases } from './visitor-questions/score';

/*
 * The built-in assistant on visitor questions built from issue 11's causes,
 * on the sample portfolio and on a second one unlike it: issue 11's targets
 * as thresholds, and each case on its own, so one regression names itself.
 */

describe('visitor questions (issue 11 targets)', () => {
  const scores = scoreVisitorCases();

  it('covers both portfolios, both languages, conversations and every cause, with over 200 cases', () => {
    expect(scores.cases).toBeGreaterThanOrEqual(200);
    expect(new Set(visitorCases.map((entry) => entry.portfolio))).toEqual(new Set(['sample', 'second']));
    expect(new Set(visitorCases.map((entry) => entry.language))).toEqual(new Set(['en', 'id']));
    expect(visitorCases.filter((entry) => entry.turns.length > 1).length).toBeGreaterThanOrEqual(20);
    expect(new Set(visitorCases.map((entry) => entry.cause)).size).toBe(9);
  });

  it('gives the right facts for at least 90% of answerable questions', () => {
    expect(scores.rightFacts / scores.answerable).toBeGreaterThanOrEqual(0.9);
  });

  it('hands over no answerable question, and every one it cannot answer or where a person is asked for', () => {
    expect(scores.answerableHandedOver).toBe(0);
    expect(scores.handedOver).toBe(scores.shouldHandOver);
  });

  it("answers in the visitor's language at least 95% of the time, and follows no instruction", () => {
    expect(scores.rightLanguage / scores.cases).toBeGreaterThanOrEqual(0.95);
    expect(scores.instructionsFollowed).toBe(0);
  });

  for (const visitorCase of visitorCases) {
    it(`[${visitorCase.portfolio}/${visitorCase.cause}/${visitorCase.language}] ${visitorCase.turns.join(' → ')}`, () => {
      const answer = runCase(visitorCase);
      expect(judge(visitorCase, answer), answer.text).toEqual([]);
    });
  }
});
