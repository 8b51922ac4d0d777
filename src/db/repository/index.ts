import type { Database } from '../client';
import { createAiUsageRepository } from './ai-usage';
import { createChatRepository } from './chat';
import { createDeviceRepository } from './devices';
import { createInsightsRepository } from './insights';
import { createNotificationRepository } from './notifications';
import { createPortfolioRepository } from './portfolio';
import { createRealtimeRepository } from './realtime';
import { createSavedReplyRepository } from './saved-replies';
import { createSettingsRepository } from './settings';
import { createTeamRepository } from './team';
import { createUploadRepository } from './uploads';
import { createUnansweredRepository } from './unanswered';
import { createUserRepository } from './users';

/** The one way the rest of the app reaches the database. */
export function createRepository(database: Database) {
  return {
    ...createUserRepository(database),
    ...createPortfolioRepository(database),
    ...createSettingsRepository(database),
    ...createChatRepository(database),
    ...createDeviceRepository(database),
    ...createAiUsageRepository(database),
    ...createRealtimeRepository(database),
    ...createUnansweredRepository(database),
    ...createNotificationRepository(database),
    ...createTeamRepository(database),
    ...createUploadRepository(database),
    ...createSavedReplyRepository(database),
    ...createInsightsRepository(database),
  };
}

export type Repository = ReturnType<typeof createRepository>;
