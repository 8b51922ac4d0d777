/*
 * The built-in assistant's own cost and accuracy, in process (no server):
 * CPU time per answer on a portfolio ten times the sample's size, the time
 * to build its index (once per portfolio version), and the visitor-question
 * scores against issue 11's targets. Printed by `npm run bench:ai`.
 */
import { composeLocalAnswer } from '@/ai/local/answers';
import { buildPortfolioIndex, portfolioIndex } from '@/ai/local/portfolio-index';
import type { Turn } from '@/ai/local/understand';
import type { PortfolioDocument } from '@/portfolio/schema';
import { samplePortfolio } from '@/portfolio/sample';
import { visitorCases } from '../tests/ai/visitor-questions/cases';
import { formatScores, scoreVisitorCases } from '../tests/ai/visitor-questions/score';
import { percentile } from './stats';

const ms = (value: number) => `${value.toFixed(3)} ms`;

const SCALE = 10;

/** The sample ten times over, each copy's names made distinct so the index really holds ten times as much. */
function scaledPortfolio(): PortfolioDocument {
  const copies = Array.from({ length: SCALE }, (_, copy) => copy);
  const suffix = (copy: number) => (copy === 0 ? '' : ` ${copy + 1}`);
  return {
    about: samplePortfolio.about,
    techStack: copies.flatMap((copy) => samplePortfolio.techStack.map((tech) => ({ ...tech, title: `${tech.title}${suffix(copy)}` }))),
    career: copies.flatMap((copy) => samplePortfolio.career.map((job) => ({ ...job, subtitle: `${job.subtitle}${suffix(copy)}` }))),
    projects: copies.flatMap((copy) => samplePortfolio.projects.map((project) => ({ ...project, name: `${project.name}${suffix(copy)}` }))),
    qa: copies.flatMap((copy) => samplePortfolio.qa.map((pair) => ({ ...pair, question: `${pair.question}${suffix(copy)}` }))),
  };
}

/** CPU time (user + system) of `run`, in ms. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export function benchLocalEngine(): string[] {
  const portfolio = scaledPortfolio();
  const builds = Array.from({ length: 20 }, () => cpuMs(() => buildPortfolioIndex(portfolio))).sort((a, b) => a - b);
  const index = portfolioIndex(portfolio);
  // The accuracy set's sample-portfolio conversations, each turn answered by the engine itself, as in a real chat.
  const conversations = visitorCases
    .filter((entry) => entry.portfolio === 'sample')
    .map((entry) => {
      const turns: Turn[] = [];
      for (const text of entry.turns) {
        turns.push({ role: 'user', text });
        turns.push({ role: 'assistant', text: composeLocalAnswer(turns, index).text });
      }
      return turns.slice(0, -1);
    });
  // process.cpuUsage ticks coarser than one answer: each sample is a batch, divided. A reply also checks the
  // portfolio's version (its fingerprint) before answering, so that is counted in.
  const BATCH = 20;
  const perAnswer: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const conversation of conversations) {
      perAnswer.push(
        cpuMs(() => {
          for (let repeat = 0; repeat < BATCH; repeat++) composeLocalAnswer(conversation, portfolioIndex(portfolio));
        }) / BATCH,
      );
    }
  }
  perAnswer.sort((a, b) => a - b);
  const fingerprint = Array.from({ length: 50 }, () => cpuMs(() => portfolioIndex(portfolio))).sort((a, b) => a - b);
  const p95 = percentile(perAnswer, 95);
  const scores = scoreVisitorCases();
  return [
    `local engine in process (portfolio ${SCALE}x the sample: ${index.facts.length} facts; CPU time):`,
    `  index build (once per portfolio version)    p50 ${ms(percentile(builds, 50))}  p95 ${ms(percentile(builds, 95))}`,
    `  version check per question (fingerprint)    p50 ${ms(percentile(fingerprint, 50))}  p95 ${ms(percentile(fingerprint, 95))}`,
    `  one answer (version check and conversation) p50 ${ms(percentile(perAnswer, 50))}  p95 ${ms(p95)}  (n=${perAnswer.length})`,
    `  target: p95 < 2 ms CPU per answer: ${p95 < 2 ? 'met' : 'MISSED'} (${ms(p95)})`,
    `visitor questions (${scores.cases} cases, tests/ai/visitor-questions):`,
    ...formatScores(scores),
  ];
}
