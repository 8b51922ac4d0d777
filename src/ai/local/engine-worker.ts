import { parentPort } from 'node:worker_threads';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { generateReply } from '../generate';
import { buildSystemPrompt } from '../prompt';
import { coalesceLatest } from '../stream-coalescing';
import type { EngineJob, EngineRequest, EngineResponse } from './engine-protocol';
import { createLocalModel } from './model';
import { buildPortfolioIndex, type PortfolioIndex } from './portfolio-index';

/*
 * A worker thread of the built-in assistant (started by engine-pool.ts): the
 * whole generation, index, model and the AI SDK's stream, runs here, off the
 * event loop that delivers the chat. Only the growing visible text
 * (coalesced) and the finished Generation go back.
 */

if (!parentPort) throw new Error('engine-worker.ts runs as a worker thread of src/ai/local/engine-pool.ts');
const port = parentPort;

/** The last portfolio version sent here; the pool sends the document again only when the version changes. */
let engine: { fingerprint: string; index: PortfolioIndex; model: LanguageModelV3; system: { instructions: string | null; ownerName: string; text: string } | null } | null = null;
const running = new Map<number, AbortController>();

const post = (response: EngineResponse) => port.postMessage(response);

function engineFor(job: EngineJob) {
  if (job.portfolio) {
    const index = buildPortfolioIndex(job.portfolio);
    engine = { fingerprint: job.fingerprint, index, model: createLocalModel(index), system: null };
  }
  if (engine?.fingerprint !== job.fingerprint) throw new Error('the engine worker was not sent this portfolio version');
  return engine;
}

/** The same system prompt a hosted model gets: the local model does not read it, but its token estimate counts it. */
function systemPromptFor(current: NonNullable<typeof engine>, job: EngineJob): string {
  const cached = current.system;
  if (cached?.instructions === job.ownerInstructions && cached.ownerName === job.ownerName) return cached.text;
  const text = buildSystemPrompt({ ownerName: job.ownerName, facts: current.index.facts, ownerInstructions: job.ownerInstructions });
  current.system = { instructions: job.ownerInstructions, ownerName: job.ownerName, text };
  return text;
}

async function generate(job: EngineJob): Promise<void> {
  const controller = new AbortController();
  running.set(job.jobId, controller);
  const text = coalesceLatest<string>((visible) => post({ type: 'text', jobId: job.jobId, text: visible }), { leading: false });
  try {
    const current = engineFor(job);
    const generation = await generateReply({
      model: current.model,
      system: systemPromptFor(current, job),
      messages: job.messages,
      temperature: job.temperature,
      maxOutputTokens: job.maxOutputTokens,
      timeoutMs: job.timeoutMs,
      signal: controller.signal,
      onText: text.update,
    });
    // The final text travels in the Generation.
    text.cancel();
    post({ type: 'done', jobId: job.jobId, generation });
  } catch (error) {
    text.cancel();
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    post({ type: 'failed', jobId: job.jobId, error: { name, message } });
  } finally {
    running.delete(job.jobId);
  }
}

port.on('message', (request: EngineRequest) => {
  if (request.type === 'abort') running.get(request.jobId)?.abort(new Error('the reply was stopped'));
  else void generate(request);
});
