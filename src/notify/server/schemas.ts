import { z } from 'zod';

/** A signed token from a mail's link; its shape is checked by its signature, this only bounds it. */
export const linkTokenSchema = z.object({ token: z.string('The link has no token.').min(1, 'The link has no token.').max(2048, 'The token is too long.') });
