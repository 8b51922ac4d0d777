import 'server-only';
import { cache } from 'react';
import { getRepository } from '@/db';

/** The public page's data, read once per request even though metadata and the page both ask. */
export const loadPublicPortfolio = cache(async () => {
  const repository = getRepository();
  const [portfolio, hasSample] = await Promise.all([repository.getPortfolio(), repository.hasSamplePortfolioContent()]);
  return { portfolio, hasSample };
});
