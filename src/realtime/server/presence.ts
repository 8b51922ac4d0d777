import { createProcessCache } from '@/server/process-cache';
import type { PresenceMember } from '../channels';

/**
 * Who is in `presence-admin-chat`: one member per admin however many tabs
 * (sockets) they have open, on however many instances. The caller announces
 * `member-added` when `join` says it was the member's first socket and
 * `member-removed` when `leave` hands back a member whose last socket left.
 */
export interface PresenceStore {
  /** Whether this socket is the member's first (the member just came online). */
  join(socketId: string, member: PresenceMember): Promise<boolean>;
  /** The member, when this was its last socket (it just went offline); null otherwise. */
  leave(socketId: string): Promise<PresenceMember | null>;
  members(): Promise<PresenceMember[]>;
  /** Stops background work; waits for what is in flight. */
  close(): Promise<void>;
}

/** One process: every socket is here, so a map is the whole truth. */
export function createMemoryPresenceStore(): PresenceStore {
  const byMember = new Map<string, { member: PresenceMember; sockets: Set<string> }>();
  const memberOfSocket = new Map<string, string>();

  return {
    async join(socketId, member) {
      if (memberOfSocket.has(socketId)) return false;
      memberOfSocket.set(socketId, member.id);
      const entry = byMember.get(member.id);
      if (entry) {
        entry.sockets.add(socketId);
        return false;
      }
      byMember.set(member.id, { member, sockets: new Set([socketId]) });
      return true;
    },
    async leave(socketId) {
      const memberId = memberOfSocket.get(socketId);
      if (memberId === undefined) return null;
      memberOfSocket.delete(socketId);
      const entry = byMember.get(memberId);
      if (!entry) return null;
      entry.sockets.delete(socketId);
      if (entry.sockets.size > 0) return null;
      byMember.delete(memberId);
      return entry.member;
    },
    async members() {
      return [...byMember.values()].map((entry) => entry.member);
    },
    async close() {},
  };
}

/**
 * How long an instance may answer "is the owner online?" from memory when
 * nothing told it otherwise. Every visitor asks on connect and every 20 s;
 * a member coming or going forgets the answer on every instance at once,
 * an instance that died is noticed by the sweep (three heartbeats) anyway.
 */
export const ADMIN_PRESENCE_MAX_AGE_MS = 5_000;

/**
 * The store, with its member list kept in memory until a member comes or
 * goes (here, or on another instance through Redis) or `forget` is called
 * (a member the store found returned or expired on its own).
 */
export function withCachedMembers(store: PresenceStore): PresenceStore & { forget(): Promise<void> } {
  const members = createProcessCache<PresenceMember[]>({ name: 'admin-presence', load: () => store.members(), maxAgeMs: ADMIN_PRESENCE_MAX_AGE_MS });
  return {
    async join(socketId, member) {
      const first = await store.join(socketId, member);
      if (first) await members.invalidate();
      return first;
    },
    async leave(socketId) {
      const gone = await store.leave(socketId);
      if (gone) await members.invalidate();
      return gone;
    },
    members: () => members.get(''),
    close: () => store.close(),
    forget: () => members.invalidate(),
  };
}
