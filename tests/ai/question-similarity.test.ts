import { describe, expect, it } from 'vitest';
import { isSameQuestion, normalizeQuestion } from '@/ai/question-similarity';

const same = (a: string, b: string) => isSameQuestion(normalizeQuestion(a), normalizeQuestion(b));

describe('telling whether two visitor questions ask the same thing', () => {
  it('ignores case, punctuation, filler words, chat spellings and word endings', () => {
    expect(same('Do you have a blog?', 'do u have a blog??')).toBe(true);
    expect(same('What is your salary expectation?', "what's ur salary expectation")).toBe(true);
    expect(same('Kamu punya blog gak?', 'lo punya blog ga sih kak')).toBe(true);
    expect(same('Apa hobimu?', 'apa hobinya')).toBe(true);
    expect(same('Do you play any instruments?', 'Do you play instrument')).toBe(true);
  });

  it('forgives a typo in a longer word', () => {
    expect(same('Do you have a portfolio website?', 'do you have a portfolo website')).toBe(true);
  });

  it('keeps different questions apart', () => {
    expect(same('Do you have a blog?', 'Do you have a cat?')).toBe(false);
    expect(same('Where did you study?', 'What did you study?')).toBe(false);
    expect(same('Do you have a blog?', 'Can you write my blog posts for my company?')).toBe(false);
    expect(same('?!', '...')).toBe(false);
  });
});
