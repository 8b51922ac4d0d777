import { and, asc, count, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Database, Tables } from '../client';
import { columnsWithout } from './select';

/** Bookkeeping columns no caller reads. */
const hidden = ['createdAt', 'updatedAt'] as const;

export type User = Omit<Tables['users']['$inferSelect'], (typeof hidden)[number]>;
/** A live admin session with its user's current name and email. */
export type AdminSessionRow = { sessionId: string; userId: number; name: string; email: string; expiresAt: Date };

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function createUserRepository({ db, tables, transaction, insertReturningIds }: Database) {
  const { users, adminSessions } = tables;
  const columns = columnsWithout(users, hidden);

  async function getUserByEmail({ email }: { email: string }): Promise<User | null> {
    const [user] = await db.select(columns).from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
    return user ?? null;
  }

  return {
    getUserByEmail,

    async getUserById({ id }: { id: number }): Promise<User | null> {
      const [user] = await db.select(columns).from(users).where(eq(users.id, id)).limit(1);
      return user ?? null;
    },

    /** The first admin's address: where the owner's notifications go unless NOTIFY_EMAIL says otherwise. */
    async getFirstUserEmail(): Promise<string | null> {
      const [user] = await db.select({ email: users.email }).from(users).orderBy(asc(users.id)).limit(1);
      return user?.email ?? null;
    },

    async countUsers(): Promise<number> {
      const [row] = await db.select({ total: count() }).from(users);
      return row?.total ?? 0;
    },

    /**
     * Creates the account, or replaces the password (and name) of the one with
     * that email: what `admin:create` and ADMIN_EMAIL/ADMIN_PASSWORD promise.
     */
    async upsertUserByEmail(input: { name: string; email: string; passwordHash: string }) {
      const email = normalizeEmail(input.email);
      return transaction(async (tx) => {
        const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
        if (existing) {
          await tx
            .update(users)
            .set({ name: input.name, passwordHash: input.passwordHash })
            .where(eq(users.id, existing.id));
          // A new password ends every session the old one opened.
          await tx.delete(adminSessions).where(eq(adminSessions.userId, existing.id));
          return { id: existing.id, created: false };
        }
        const [id] = await insertReturningIds(users, [{ ...input, email }], tx);
        return { id: id!, created: true };
      });
    },

    /** Creates the first admin, or returns null when one already exists (setup is offered once). */
    async createFirstUser(input: { name: string; email: string; passwordHash: string }): Promise<{ id: number } | null> {
      return transaction(async (tx) => {
        const [row] = await tx.select({ total: count() }).from(users);
        if ((row?.total ?? 0) > 0) return null;
        const [id] = await insertReturningIds(users, [{ ...input, email: normalizeEmail(input.email) }], tx);
        return { id: id! };
      });
    },

    async recordUserLogin({ id, ip = null }: { id: number; ip?: string | null }): Promise<void> {
      await transaction((tx) => tx.update(users).set({ lastLoginAt: new Date(), lastLoginIp: ip }).where(eq(users.id, id)));
    },

    /** Opens a session; sessions that expired meanwhile (of anyone) are swept out on the way. */
    async createAdminSession(input: { id: string; userId: number; expiresAt: Date }): Promise<void> {
      await transaction(async (tx) => {
        await tx.delete(adminSessions).where(lte(adminSessions.expiresAt, new Date()));
        await tx.insert(adminSessions).values(input);
      });
    },

    /** The session with that id while it is live, with its user's current name and email; null once revoked or expired. */
    async getAdminSessionById({ id, now = new Date() }: { id: string; now?: Date }): Promise<AdminSessionRow | null> {
      const [row] = await db
        .select({ sessionId: adminSessions.id, userId: users.id, name: users.name, email: users.email, expiresAt: adminSessions.expiresAt })
        .from(adminSessions)
        .innerJoin(users, eq(users.id, adminSessions.userId))
        .where(and(eq(adminSessions.id, id), gt(adminSessions.expiresAt, now)))
        .limit(1);
      return row ?? null;
    },

    /** Which of these session ids are still live (a check of the sessions behind open sockets). */
    async listLiveAdminSessionIds({ ids, now = new Date() }: { ids: string[]; now?: Date }): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ id: adminSessions.id })
        .from(adminSessions)
        .where(and(inArray(adminSessions.id, ids), gt(adminSessions.expiresAt, now)));
      return rows.map((row) => row.id);
    },

    async deleteAdminSessionById({ id }: { id: string }): Promise<void> {
      await transaction((tx) => tx.delete(adminSessions).where(eq(adminSessions.id, id)));
    },

    async deleteAdminSessionsByUserId({ userId }: { userId: number }): Promise<void> {
      await transaction((tx) => tx.delete(adminSessions).where(eq(adminSessions.userId, userId)));
    },
  };
}
