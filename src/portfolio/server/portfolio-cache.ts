import { getRepository } from '@/db';
import type { PortfolioDocument } from '../schema';
import { createProcessCache } from '@/server/process-cache';

/**
 * The portfolio as the public page, the session answer and every AI reply
 * read it: from memory, forgotten on every instance when the owner saves or
 * removes the sample (src/portfolio/server/service.ts). Without Redis an
 * instance that did not take the change sees it within this long.
 */
export const PORTFOLIO_MAX_AGE_MS = 10_000;

export type PublishedPortfolio = { portfolio: PortfolioDocument; hasSample: boolean };

const publishedPortfolio = createProcessCache<PublishedPortfolio>({
  name: 'portfolio',
  async load() {
    const repository = getRepository();
    const [portfolio, hasSample] = await Promise.all([repository.getPortfolio(), repository.hasSamplePortfolioContent()]);
    return { portfolio, hasSample };
  },
  maxAgeMs: PORTFOLIO_MAX_AGE_MS,
});

/**
 * Shared by every caller: read it, never change it. The same object comes
 * back until the portfolio changes, which is what lets the assistant's index
 * skip fingerprinting it (src/ai/local/portfolio-index.ts).
 */
export const readPublishedPortfolio = (): Promise<PublishedPortfolio> => publishedPortfolio.get('');

/** After a portfolio write committed. */
export const forgetPublishedPortfolio = (): Promise<void> => publishedPortfolio.invalidate();
