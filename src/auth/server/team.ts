import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getRepository } from '@/db';
import { AppError } from '@/http/errors';
import { logger, logSecurityEvent } from '@/logger';
import { getBroadcaster } from '@/realtime/server/broadcaster';
import type { AdminSession } from './jwt';
import type { AdminUser } from './login';
import { hashPassword } from './password';
import { signLink, verifyLink } from './signed-links';

/*
 * The team of admins. The owner invites by a signed link (one use, a week);
 * whoever opens it picks a name and password and is an admin from then on.
 * Removing an admin deletes the account, which ends every session of it at
 * once (the session rows go with it) and closes its sockets on every instance.
 * `admin:create` on the command line stays the way in for a locked-out owner.
 */

const INVITATION_AUDIENCE = 'tanya:invite';
export const INVITATION_DAYS = 7;
/** The page that takes an invitation; its token travels in the fragment, out of logs and Referers. */
export const INVITATION_PATH = '/admin/invite';

const invitationClaims = z.object({ sub: z.email(), jti: z.uuid() });

export type TeamPayload = {
  admins: { id: number; name: string; email: string; lastLoginAt: string | null; createdAt: string; you: boolean }[];
  invitations: { id: number; email: string; expiresAt: string; createdAt: string }[];
};

export async function listTeam(admin: Pick<AdminSession, 'userId'>): Promise<TeamPayload> {
  const repository = getRepository();
  const [admins, invitations] = await Promise.all([repository.listTeamMembers(), repository.listPendingInvitations()]);
  return {
    admins: admins.map((member) => ({
      id: member.id,
      name: member.name,
      email: member.email,
      lastLoginAt: member.lastLoginAt?.toISOString() ?? null,
      createdAt: member.createdAt.toISOString(),
      you: member.id === admin.userId,
    })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      expiresAt: invitation.expiresAt.toISOString(),
      createdAt: invitation.createdAt.toISOString(),
    })),
  };
}

/** A link for `email` to join the team, to be passed on by the owner (it is shown, not mailed). */
export async function inviteAdmin(admin: Pick<AdminSession, 'userId'>, email: string, siteOrigin: string) {
  const repository = getRepository();
  if (await repository.getUserByEmail({ email })) throw new AppError('conflict:team', { message: 'That address already belongs to an admin.' });
  const linkId = randomUUID();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const id = await repository.createAdminInvitation({ linkId, email, invitedBy: admin.userId, expiresAt });
  const token = await signLink({}, { audience: INVITATION_AUDIENCE, subject: email, expiresIn: `${INVITATION_DAYS}d`, linkId });
  logger.info({ invitedBy: admin.userId, invitationId: id }, 'auth: admin invited');
  return { id, email, url: new URL(`${INVITATION_PATH}#${token}`, siteOrigin).toString(), expiresAt: expiresAt.toISOString() };
}

export async function cancelInvitation(id: number): Promise<void> {
  if (!(await getRepository().deleteAdminInvitationById({ id }))) throw new AppError('not_found:team', { message: 'No pending invitation has that id.' });
}

/** An invitation opened: the new admin's account, once. */
export async function acceptInvitation(input: { token: string; name: string; password: string; ip: string }): Promise<AdminUser> {
  const verified = await verifyLink(input.token, INVITATION_AUDIENCE, invitationClaims);
  if ('refused' in verified) {
    logSecurityEvent('admin invitation refused', { ip: input.ip, reason: verified.refused });
    throw verified.refused === 'expired'
      ? new AppError('gone:team', { message: `This invitation has expired: invitations last ${INVITATION_DAYS} days. Ask for a new one.` })
      : new AppError('bad_request:team', { message: 'This invitation link is not valid. Copy it again, whole.' });
  }
  const passwordHash = await hashPassword(input.password);
  const accepted = await getRepository().acceptAdminInvitation({ linkId: verified.claims.jti, name: input.name, passwordHash });
  if (accepted === 'used') {
    logSecurityEvent('admin invitation refused', { ip: input.ip, reason: 'used or cancelled' });
    throw new AppError('gone:team', { message: 'This invitation was already used or was cancelled. Ask for a new one.' });
  }
  if (accepted === 'taken') throw new AppError('conflict:team', { message: 'That address already belongs to an admin. Sign in instead.' });
  logger.info({ userId: accepted.userId }, 'auth: invitation accepted');
  return { id: accepted.userId, name: input.name, email: accepted.email };
}

/** Removes an admin from the team: their sessions end and their sockets close at once; their conversations become unassigned. */
export async function removeAdmin(admin: Pick<AdminSession, 'userId'>, userId: number): Promise<void> {
  if (userId === admin.userId) throw new AppError('bad_request:team', { message: 'You cannot remove yourself. Another admin can.' });
  if (!(await getRepository().deleteUserById({ id: userId }))) throw new AppError('not_found:team', { message: 'No admin has that id.' });
  await getBroadcaster()
    .disconnectAdmins?.({ userId })
    .catch((error: unknown) => logger.error({ err: error }, 'realtime: removed admin sockets not disconnected'));
  logger.info({ removedBy: admin.userId, userId }, 'auth: admin removed');
}
