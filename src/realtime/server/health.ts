/*
 * Whether the realtime server is attached in this process. The custom server
 * sets it; GET /api/health reads it from inside Next's bundle, hence
 * globalThis.
 */
const globalForRealtime = globalThis as unknown as { tanyaRealtimeAttached?: boolean };

export function setRealtimeAttached(attached: boolean): void {
  globalForRealtime.tanyaRealtimeAttached = attached;
}

export function isRealtimeAttached(): boolean {
  return globalForRealtime.tanyaRealtimeAttached === true;
}
