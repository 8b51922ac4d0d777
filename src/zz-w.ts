import { parentPort } from 'node:worker_threads';
import { HANDOVER_MARKER } from '@/ai/prompt';
const x: number = 1;
parentPort!.postMessage({ x, HANDOVER_MARKER });
