import { getRepository } from '@/db';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const portfolio = await getRepository().getPortfolio();
  return <main className="p-8">{portfolio.about?.name}</main>;
}
