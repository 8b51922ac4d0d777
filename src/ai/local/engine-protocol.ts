import type { Worker } from 'node:worker_threads';
import type { PortfolioDocument } from '@/portfolio/schema';
import type { Generation, GenerationRequest } from '../generate';

/*
 * What the main thread and the built-in assistant's worker threads
 * (src/ai/local/engine-pool.ts ↔ engine-worker.ts) say to each other. Types
 * only, so the process-wide registry can name the pool's state without
 * importing the pool.
 */

/** A reply from the built-in engine: a hosted model's request, with the portfolio and owner in place of a model and system prompt. */
export type LocalGenerationRequest = Omit<GenerationRequest, 'model' | 'system'> & {
  portfolio: PortfolioDocument;
  ownerName: string;
  ownerInstructions: string | null;
};

/** What crosses to the worker: the request without what stays on the main thread (the signal, the text callback). */
export type EngineJob = Omit<LocalGenerationRequest, 'portfolio' | 'signal' | 'onText'> & {
  type: 'generate';
  jobId: number;
  /** Names the portfolio version; the worker keeps the index of the last one it was sent. */
  fingerprint: string;
  /** Only when this worker has not been sent this version yet. */
  portfolio?: PortfolioDocument;
};

export type EngineRequest = EngineJob | { type: 'abort'; jobId: number };

export type EngineResponse =
  | { type: 'text'; jobId: number; text: string }
  | { type: 'done'; jobId: number; generation: Generation }
  | { type: 'failed'; jobId: number; error: { name: string; message: string } };

/** One worker thread and the jobs it is running. */
export type EngineWorker = {
  worker: Worker;
  jobs: Map<number, EngineJobHandle>;
  /** The portfolio version this worker was last sent. */
  fingerprint: string | null;
};

/** A job on the main thread: how to answer its caller. */
export type EngineJobHandle = {
  onText?: (text: string) => void;
  resolve: (generation: Generation) => void;
  reject: (error: unknown) => void;
  /** Restarted by each word from the worker: a worker that goes quiet for longer than the job's own timeout is stuck. */
  watchdog: NodeJS.Timeout | undefined;
};

export type EnginePoolState = {
  size: number;
  workers: EngineWorker[];
  /** Jobs waiting for a worker with room, oldest first: each starts on the worker it is handed. */
  waiting: Array<(worker: EngineWorker) => void>;
  nextJobId: number;
  closed: boolean;
};
