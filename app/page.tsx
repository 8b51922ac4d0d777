import type { Metadata } from 'next';
import { loadPublicPortfolio } from '@/portfolio/server/load-portfolio';
import { PortfolioHome } from '@/portfolio/components/portfolio-home';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { portfolio } = await loadPublicPortfolio();
  const about = portfolio.about;
  if (!about) return { title: { absolute: 'Portfolio' } };
  return { title: { absolute: `${about.name} — ${about.title}` }, description: about.narrativeTitle };
}

export default async function HomePage() {
  const { portfolio, hasSample } = await loadPublicPortfolio();
  return <PortfolioHome portfolio={portfolio} hasSample={hasSample} />;
}
