import { z } from 'zod';

/*
 * Input shapes shared by the auth routes and the admin:create CLI. Emails are
 * trimmed and lower-cased here, the same form the users table stores.
 */

// Generous, but a bound keeps one request from buying an arbitrarily long hash computation.
const MAX_PASSWORD_LENGTH = 1024;

export const emailSchema = z.string().trim().toLowerCase().max(255).pipe(z.email('Enter a valid email address.'));

export const newPasswordSchema = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const adminNameSchema = z.string().trim().min(1, 'Enter a name.').max(255);

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH),
});

export const setupInputSchema = z.object({
  name: adminNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

/** `POST /api/auth/logout`: no body ends this session, `{ everywhere: true }` every session of this admin. */
export const logoutInputSchema = z.object({ everywhere: z.boolean().default(false) });

export const invitationInputSchema = z.object({ email: emailSchema });

/** A signed link's token (src/auth/server/signed-links.ts); its shape is checked by its signature, this only bounds it. */
export const linkTokenSchema = z.object({ token: z.string('The link has no token.').min(1, 'The link has no token.').max(2048, 'The token is too long.') });

/** Opening an invitation: its token (from the link's fragment) and the new admin's name and password. */
export const acceptInvitationSchema = linkTokenSchema.extend({
  name: adminNameSchema,
  password: newPasswordSchema,
});
