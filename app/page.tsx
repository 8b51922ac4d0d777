import type { Metadata } from 'next';
import { readPublishedPortfolio } from '@/portfolio/server/portfolio-cache';
import { PortfolioHome } from '@/portfolio/components/portfolio-home';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { portfolio } = await readPublishedPortfolio();
  const about = portfolio.about;
  if (!about) return { title: { absolute: 'Portfolio' } };
  return { title: { absolute: `${about.name} — ${about.title}` }, description: about.narrativeTitle };
}

export default async function HomePage() {
  const { portfolio, hasSample } = await readPublishedPortfolio();
  return <PortfolioHome portfolio={portfolio} hasSample={hasSample} />;
}
