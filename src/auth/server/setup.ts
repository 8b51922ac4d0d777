import { getRepository } from '@/db';
import { AppError } from '@/http/errors';
import { logger } from '@/logger';
import type { AdminUser } from './login';
import { hashPassword } from './password';

/** First-run setup is offered only while there is no admin at all. */
export async function isSetupOpen(): Promise<boolean> {
  return (await getRepository().countUsers()) === 0;
}

const setupClosed = () => new AppError('conflict:setup', { message: 'An admin already exists. Sign in instead.' });

/**
 * Creates the first admin from setupInputSchema-validated input. The early
 * check keeps anonymous requests from buying an argon2 hash once setup is
 * closed; the repository checks again inside its insert transaction, so two
 * racing requests cannot both succeed.
 */
export async function createFirstAdmin(input: { name: string; email: string; password: string }): Promise<AdminUser> {
  if (!(await isSetupOpen())) throw setupClosed();
  const passwordHash = await hashPassword(input.password);
  const created = await getRepository().createFirstUser({ name: input.name, email: input.email, passwordHash });
  if (!created) throw setupClosed();
  logger.info({ userId: created.id, email: input.email }, 'created the first admin through setup');
  return { id: created.id, name: input.name, email: input.email };
}
