import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../client';
import { normalizeEmail } from './users';

export type TeamMember = { id: number; name: string; email: string; lastLoginAt: Date | null; createdAt: Date };
export type PendingInvitation = { id: number; email: string; expiresAt: Date; createdAt: Date };

/**
 * The team of admins: who is on it, the invitations that add to it (each
 * link used once), and removing someone (their sessions go with their row).
 */
export function createTeamRepository({ db, tables, transaction, insertReturningIds, affectedRows, isUniqueViolation }: Database) {
  const { users, adminInvitations, conversations } = tables;

  return {
    listTeamMembers(): Promise<TeamMember[]> {
      return db
        .select({ id: users.id, name: users.name, email: users.email, lastLoginAt: users.lastLoginAt, createdAt: users.createdAt })
        .from(users)
        .orderBy(asc(users.id));
    },

    createAdminInvitation(input: { linkId: string; email: string; invitedBy: number; expiresAt: Date }): Promise<number> {
      return transaction(async (tx) => (await insertReturningIds(adminInvitations, [{ ...input, email: normalizeEmail(input.email) }], tx))[0]!);
    },

    listPendingInvitations({ now = new Date() }: { now?: Date } = {}): Promise<PendingInvitation[]> {
      return db
        .select({ id: adminInvitations.id, email: adminInvitations.email, expiresAt: adminInvitations.expiresAt, createdAt: adminInvitations.createdAt })
        .from(adminInvitations)
        .where(and(isNull(adminInvitations.acceptedAt), gt(adminInvitations.expiresAt, now)))
        .orderBy(desc(adminInvitations.createdAt));
    },

    async deleteAdminInvitationById({ id }: { id: number }): Promise<boolean> {
      const result = await transaction((tx) => tx.delete(adminInvitations).where(and(eq(adminInvitations.id, id), isNull(adminInvitations.acceptedAt))));
      return affectedRows(result) === 1;
    },

    /**
     * Spends the invitation and creates its admin in one transaction: a link
     * used twice, cancelled, expired or for an address that already has an
     * account creates nothing.
     */
    async acceptAdminInvitation(input: {
      linkId: string;
      name: string;
      passwordHash: string;
      now?: Date;
    }): Promise<{ userId: number; email: string } | 'used' | 'taken'> {
      const now = input.now ?? new Date();
      try {
        return await transaction(async (tx) => {
          const [invitation] = await tx
            .select({ id: adminInvitations.id, email: adminInvitations.email })
            .from(adminInvitations)
            .where(and(eq(adminInvitations.linkId, input.linkId), isNull(adminInvitations.acceptedAt), gt(adminInvitations.expiresAt, now)))
            .limit(1);
          if (!invitation) return 'used' as const;
          const spent = await tx
            .update(adminInvitations)
            .set({ acceptedAt: now })
            .where(and(eq(adminInvitations.id, invitation.id), isNull(adminInvitations.acceptedAt)));
          if (affectedRows(spent) !== 1) return 'used' as const;
          const [userId] = await insertReturningIds(users, [{ name: input.name, email: invitation.email, passwordHash: input.passwordHash }], tx);
          return { userId: userId!, email: invitation.email };
        });
      } catch (error) {
        if (isUniqueViolation(error)) return 'taken';
        throw error;
      }
    },

    /** Removes an admin: their sessions go by cascade, their conversations become unassigned. */
    async deleteUserById({ id }: { id: number }): Promise<boolean> {
      const result = await transaction(async (tx) => {
        await tx.update(conversations).set({ assignedAdminId: null }).where(eq(conversations.assignedAdminId, id));
        return tx.delete(users).where(eq(users.id, id));
      });
      return affectedRows(result) === 1;
    },
  };
}
