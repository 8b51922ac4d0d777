import type { ModelMessage } from 'ai';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateReply, type Generation } from '@/ai/generate';
import type { EngineRequest } from '@/ai/local/engine-protocol';
import { closeLocalEnginePool, generateLocalReply, LocalEngineError } from '@/ai/local/engine-pool';
import { createLocalModel } from '@/ai/local/model';
import { buildPortfolioIndex } from '@/ai/local/portfolio-index';
import { buildSystemPrompt } from '@/ai/prompt';
import type { PortfolioDocument } from '@/portfolio/schema';
import { samplePortfolio } from '@/portfolio/sample';
import { processGlobals } from '@/server/process-globals';

/*
 * The built-in provider in its worker threads (src/ai/local/engine-pool.ts),
 * started from the TypeScript source as under `npm run dev`: it must answer
 * exactly what the same model answers on this thread, stop a job when told,
 * survive a worker dying, and follow the owner's portfolio edits.
 */

const OWNER_INSTRUCTIONS = 'Keep it short.';

/** Today's in-process path: the local model through generateReply, with the system prompt the reply pipeline builds. */
async function askInProcess(portfolio: PortfolioDocument, messages: ModelMessage[]): Promise<Generation> {
  const index = buildPortfolioIndex(portfolio);
  return generateReply({
    model: createLocalModel(index),
    system: buildSystemPrompt({ ownerName: portfolio.about?.name ?? 'the site owner', facts: index.facts, ownerInstructions: OWNER_INSTRUCTIONS }),
    messages,
    maxOutputTokens: 400,
    timeoutMs: 5_000,
    signal: new AbortController().signal,
  });
}

function askPool(portfolio: PortfolioDocument, messages: ModelMessage[], options: { signal?: AbortSignal; onText?: (text: string) => void } = {}) {
  return generateLocalReply({
    portfolio,
    ownerName: portfolio.about?.name ?? 'the site owner',
    ownerInstructions: OWNER_INSTRUCTIONS,
    messages,
    maxOutputTokens: 400,
    timeoutMs: 5_000,
    signal: options.signal ?? new AbortController().signal,
    onText: options.onText,
  });
}

const question = (content: string): ModelMessage[] => [{ role: 'user', content }];
/** What must be equal; the timings differ from run to run. */
const comparable = ({ totalMs: _total, timeToFirstTokenMs: _first, ...rest }: Generation) => rest;

const poolState = () => processGlobals.tanyaLocalEnginePool!;

/** Every message the pool posts to its workers from now on. */
function recordPosts(): EngineRequest[] {
  const posted: EngineRequest[] = [];
  for (const { worker } of poolState().workers) {
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message: EngineRequest) => {
      posted.push(message);
      post(message);
    };
  }
  return posted;
}

describe('the built-in provider in worker threads', () => {
  afterEach(() => {
    expect(poolState().workers.every((engine) => engine.jobs.size === 0)).toBe(true);
  });
  afterAll(async () => {
    await closeLocalEnginePool();
  });

  it('answers exactly what the in-process model answers: text, handover, usage and the facts used', async () => {
    const conversations: ModelMessage[][] = [
      question("What's your tech stack?"),
      question('Tell me about project Warung POS'),
      question('Apa saja proyek yang pernah kamu buat?'),
      question('Do you know Kubernetes?'),
      question('Can I talk to a real person?'),
      [
        { role: 'user', content: 'What did you do at Kopiloka?' },
        { role: 'assistant', content: 'Rizky is a Senior Full-Stack Engineer at Kopiloka.' },
        { role: 'user', content: 'Which technologies did you use there?' },
      ],
    ];
    for (const messages of conversations) {
      const streamed: string[] = [];
      const [fromPool, inProcess] = await Promise.all([askPool(samplePortfolio, messages, { onText: (text) => streamed.push(text) }), askInProcess(samplePortfolio, messages)]);
      expect(comparable(fromPool)).toEqual(comparable(inProcess));
      // Anything streamed on the way is a beginning of the answer.
      for (const text of streamed) expect(fromPool.text.startsWith(text.trim())).toBe(true);
    }
    const handover = await askPool(samplePortfolio, question('Do you know Kubernetes?'));
    expect(handover.handover).toBe(true);
    const grounded = await askPool(samplePortfolio, question('Tell me about project Warung POS'));
    expect(grounded.providerMetadata?.local?.facts).toEqual(expect.arrayContaining([expect.objectContaining({ label: expect.stringContaining('Warung POS') })]));
  });

  it('answers many questions at once, each with its own answer', async () => {
    const questions = ['Where are you based?', 'How can I contact you?', 'What are your hobbies?', 'Do you know Go?', 'Where have you worked?', 'Hi!'];
    const fromPool = await Promise.all(questions.map((content) => askPool(samplePortfolio, question(content))));
    const inProcess = await Promise.all(questions.map((content) => askInProcess(samplePortfolio, question(content))));
    expect(fromPool.map(comparable)).toEqual(inProcess.map(comparable));
  });

  it('sends the portfolio to a worker only when it has changed, and answers from the new one', async () => {
    await askPool(samplePortfolio, question('Where are you based?'));
    const posted = recordPosts();
    await askPool(structuredClone(samplePortfolio), question('Where are you based?'));
    const moved: PortfolioDocument = { ...samplePortfolio, about: { ...samplePortfolio.about!, location: 'Yogyakarta, Indonesia' } };
    const answer = await askPool(moved, question('Where are you based?'));
    const jobs = posted.filter((message) => message.type === 'generate');
    expect(jobs.map((job) => 'portfolio' in job)).toEqual([false, true]);
    expect(answer.text).toContain('Yogyakarta');
    expect(comparable(answer)).toEqual(comparable(await askInProcess(moved, question('Where are you based?'))));
  });

  it('answers an abort at once with its reason, stops the job in the worker, and carries on', async () => {
    await askPool(samplePortfolio, question('Hi!'));
    const posted = recordPosts();
    const controller = new AbortController();
    const reason = new Error('taken over');
    const asked = askPool(samplePortfolio, question("What's your tech stack?"), { signal: controller.signal });
    controller.abort(reason);
    await expect(asked).rejects.toBe(reason);
    expect(posted.map((message) => message.type)).toEqual(['generate', 'abort']);
    expect((await askPool(samplePortfolio, question('Hi!'))).text).toContain("Rizky's assistant");
  });

  it('lets a job waiting for a worker leave the line when aborted, without ever reaching a worker', async () => {
    const state = poolState();
    const capacity = state.size * 2;
    const busy = Array.from({ length: capacity }, () => askPool(samplePortfolio, question('Where have you worked?')));
    const controller = new AbortController();
    const waiting = askPool(samplePortfolio, question('Hi!'), { signal: controller.signal });
    expect(state.waiting).toHaveLength(1);
    controller.abort(new Error('switched off'));
    await expect(waiting).rejects.toThrow('switched off');
    expect(state.waiting).toHaveLength(0);
    await Promise.all(busy);
  });

  it('fails the jobs of a worker that dies, like a provider error, and replaces the worker', async () => {
    await askPool(samplePortfolio, question('Hi!'));
    const [dying] = poolState().workers;
    // The job never reaches it, as if it hung: a real job answers in a few milliseconds, at times before terminate() lands.
    dying!.worker.postMessage = () => undefined;
    const asked = askPool(samplePortfolio, question("What's your tech stack?"));
    expect(dying!.jobs.size).toBe(1);
    await dying!.worker.terminate();
    await expect(asked).rejects.toBeInstanceOf(LocalEngineError);
    expect(poolState().workers).not.toContain(dying);
    const next = await askPool(samplePortfolio, question("What's your tech stack?"));
    expect(next.text).toContain('TypeScript');
    expect(poolState().workers).not.toContain(dying);
  });

  it('refuses work once shut down', async () => {
    await closeLocalEnginePool();
    await expect(askPool(samplePortfolio, question('Hi!'))).rejects.toBeInstanceOf(LocalEngineError);
  });
});
