import { initialProviderSettings } from '@/ai/providers';
import { env } from '@/config/env';
import { hashPassword } from '@/auth/server/password';
import { logger } from '@/logger';
import { samplePortfolio } from '@/portfolio/sample';
import type { Database } from './client';
import type { Repository } from './repository';

/**
 * What start-up does to the database before serving: apply migrations, make
 * sure the settings row exists (on a fresh install with the AI provider the
 * environment configures), seed the sample portfolio into an empty
 * database, and create the admin named by ADMIN_EMAIL/ADMIN_PASSWORD when
 * there is none yet.
 */
export async function prepareDatabase(database: Database, repository: Repository): Promise<void> {
  await database.migrate();
  await repository.initializeChatSettings(initialProviderSettings());

  if (await repository.isPortfolioEmpty()) {
    await repository.replacePortfolio({ document: samplePortfolio, isSample: true });
    logger.info('seeded the sample portfolio; replace it at /admin/portfolio');
  }

  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD && (await repository.countUsers()) === 0) {
    await repository.upsertUserByEmail({
      name: env.ADMIN_EMAIL.split('@')[0]!,
      email: env.ADMIN_EMAIL,
      passwordHash: await hashPassword(env.ADMIN_PASSWORD),
    });
    logger.info({ email: env.ADMIN_EMAIL }, 'created the first admin from ADMIN_EMAIL');
  }
}
