import { getRepository } from '@/db';
import { normalizePortfolio, portfolioDocumentSchema, type PortfolioDocument } from '../schema';
import { parseInput } from '@/http/server/validation';
import { forgetPublishedPortfolio } from './portfolio-cache';

/** The portfolio as one document (GET /api/admin/portfolio, portfolio:export): the stored truth, not the cached copy visitors get. */
export function getPortfolioDocument(): Promise<PortfolioDocument> {
  return getRepository().getPortfolio();
}

/**
 * Validates a whole document and replaces the stored portfolio with it in one
 * transaction (PUT /api/admin/portfolio, portfolio:import). Invalid input
 * throws the 400 AppError with field messages; nothing is written.
 */
export async function replacePortfolioDocument(input: unknown): Promise<PortfolioDocument> {
  const document = normalizePortfolio(parseInput(portfolioDocumentSchema, input));
  await getRepository().replacePortfolio({ document });
  await forgetPublishedPortfolio();
  return getPortfolioDocument();
}

export async function removeSamplePortfolio(): Promise<PortfolioDocument> {
  await getRepository().removeSamplePortfolioContent();
  await forgetPublishedPortfolio();
  return getPortfolioDocument();
}
