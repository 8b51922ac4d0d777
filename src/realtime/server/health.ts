import { processGlobals } from '@/server/process-globals';

/* Whether the realtime server is attached in this process: the custom server sets it, GET /api/health reads it. */
export function setRealtimeAttached(attached: boolean): void {
  processGlobals.tanyaRealtimeAttached = attached;
}

export function isRealtimeAttached(): boolean {
  return processGlobals.tanyaRealtimeAttached === true;
}
