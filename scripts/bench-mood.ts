/*
 * How well src/ai/mood.ts tells upset and urgent visitors from the rest:
 * precision, recall and F1 of "flagged" per language, and the messages it gets
 * wrong, on the labelled set its unit test uses (tuned on) and on the held-out
 * set it was never tuned on. `npm run bench:mood`.
 */
import { moodOf } from '@/ai/mood';
import { moodHeldOut, moodSet, scoreMood, type MoodSample } from '../tests/ai/fixtures/mood-set';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

for (const [name, set] of [['tuned on', moodSet], ['held out', moodHeldOut]] as [string, MoodSample[]][])
for (const language of ['en', 'id'] as const) {
  const scores = scoreMood(
    set.filter((sample) => sample.language === language),
    moodOf,
  );
  console.log(
    `${name} ${language}: ${scores.samples} messages  precision ${percent(scores.precision)}  recall ${percent(scores.recall)}  ` +
      `F1 ${percent(scores.f1)}  neutral flagged ${percent(scores.falsePositiveRate)}  wrong mood ${scores.wrongMood}`,
  );
  for (const { sample, got } of scores.misses) console.log(`  expected ${sample.mood ?? 'none'}, got ${got ?? 'none'}: ${sample.text}`);
}

const started = performance.now();
const rounds = 20;
for (let round = 0; round < rounds; round++) for (const sample of moodSet) moodOf(sample.text, sample.language);
console.log(`${((performance.now() - started) / (rounds * moodSet.length)).toFixed(3)} ms per message`);
