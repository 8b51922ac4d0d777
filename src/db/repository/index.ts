import type { Database } from '../client';
import { createAiUsageRepository } from './ai-usage';
import { createChatRepository } from './chat';
import { createPortfolioRepository } from './portfolio';
import { createRealtimeRepository } from './realtime';
import { createSettingsRepository } from './settings';
import { createUnansweredRepository } from './unanswered';
import { createUserRepository } from './users';

/** The one way the rest of the app reaches the database. */
export function createRepository(database: Database) {
  return {
    ...createUserRepository(database),
    ...createPortfolioRepository(database),
    ...createSettingsRepository(database),
    ...createChatRepository(database),
    ...createAiUsageRepository(database),
    ...createRealtimeRepository(database),
    ...createUnansweredRepository(database),
  };
}

export type Repository = ReturnType<typeof createRepository>;
