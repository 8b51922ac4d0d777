import { count, eq } from 'drizzle-orm';
import type { Database, Tables } from '../client';
import { columnsWithout } from './select';

/** Bookkeeping columns no caller reads. */
const hidden = ['createdAt', 'updatedAt'] as const;

export type User = Omit<Tables['users']['$inferSelect'], (typeof hidden)[number]>;

const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function createUserRepository({ db, tables, transaction, insertReturningIds }: Database) {
  const { users } = tables;
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

    async recordUserLogin({ id }: { id: number }): Promise<void> {
      await transaction((tx) => tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, id)));
    },
  };
}
