import { describe, expect, it } from 'vitest';
import { moodOf } from '@/ai/mood';
import { moodSet, scoreMood } from './fixtures/mood-set';

describe('reading a visitor message as upset or urgent', () => {
  it('flags the labelled upset and urgent messages and leaves the neutral ones alone, in both languages', () => {
    expect(moodSet.length).toBeGreaterThanOrEqual(120);
    for (const language of ['en', 'id'] as const) {
      const scores = scoreMood(
        moodSet.filter((sample) => sample.language === language),
        moodOf,
      );
      expect(scores.falsePositiveRate, language).toBeLessThanOrEqual(0.03);
      expect(scores.recall, language).toBeGreaterThanOrEqual(0.85);
      expect(scores.wrongMood, language).toBeLessThanOrEqual(1);
    }
  });

  it('does not count a cue or a negative word right after a negation', () => {
    expect(moodOf('not bad', 'en')).toBeNull();
    expect(moodOf('tidak buruk', 'id')).toBeNull();
    expect(moodOf('this is not urgent', 'en')).toBeNull();
    expect(moodOf('bukan penipuan kok', 'id')).toBeNull();
    expect(moodOf('this is a scam', 'en')).toBe('upset');
  });

  it('reads a question about bad things as a question', () => {
    expect(moodOf('How do you handle error handling?')).toBeNull();
    expect(moodOf("What's your worst project?")).toBeNull();
    expect(moodOf('How do you handle urgent requests?')).toBeNull();
  });

  it('tells upset from urgent, and upset wins when a message is both', () => {
    expect(moodOf('Please reply ASAP')).toBe('urgent');
    expect(moodOf('tolong segera dibalas')).toBe('urgent');
    expect(moodOf('This is unacceptable, I want a refund ASAP')).toBe('upset');
  });

  it('reads a message with no telling word in both languages', () => {
    expect(moodOf('penipuan!!')).toBe('upset');
    expect(moodOf('refund')).toBe('upset');
    expect(moodOf('Go or Rust?')).toBeNull();
    expect(moodOf('🙂')).toBeNull();
  });
});
