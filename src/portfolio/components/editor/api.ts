import { requestJson } from '@/http/client/api-client';
import type { PortfolioDocument } from '@/portfolio/schema';

export type { FieldErrors } from '@/http/errors';

export const savePortfolio = (document: unknown) => requestJson<PortfolioDocument>('PUT', '/api/admin/portfolio', document);
export const removeSampleContent = () => requestJson<PortfolioDocument>('DELETE', '/api/admin/portfolio/sample');
