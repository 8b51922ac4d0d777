/*
 * How well src/ai/mood.ts tells upset and urgent visitors from the rest, on
 * the labelled set its unit test uses: precision, recall and F1 of "flagged"
 * per language, and the messages it gets wrong. `npm run bench:mood`.
 */
import { moodOf } from '@/ai/mood';
import { moodSet, scoreMood } from '../tests/ai/fixtures/mood-set';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

for (const language of ['en', 'id'] as const) {
  const scores = scoreMood(
    moodSet.filter((sample) => sample.language === language),
    moodOf,
  );
  console.log(
    `${language}: ${scores.samples} messages  precision ${percent(scores.precision)}  recall ${percent(scores.recall)}  ` +
      `F1 ${percent(scores.f1)}  neutral flagged ${percent(scores.falsePositiveRate)}  wrong mood ${scores.wrongMood}`,
  );
  for (const { sample, got } of scores.misses) console.log(`  expected ${sample.mood ?? 'none'}, got ${got ?? 'none'}: ${sample.text}`);
}

const started = performance.now();
const rounds = 20;
for (let round = 0; round < rounds; round++) for (const sample of moodSet) moodOf(sample.text, sample.language);
console.log(`${((performance.now() - started) / (rounds * moodSet.length)).toFixed(3)} ms per message`);
