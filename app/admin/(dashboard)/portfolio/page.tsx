import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { verifySession } from '@/auth/server/session';
import { getRepository } from '@/db';
import { PortfolioEditor } from '@/portfolio/components/editor/portfolio-editor';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Portfolio' };

export default async function PortfolioAdminPage() {
  // The layout checks too, but a page must not rely on its layout for access control.
  const session = await verifySession();
  if (!session) redirect('/admin/login');

  const repository = getRepository();
  const [portfolio, hasSample] = await Promise.all([repository.getPortfolio(), repository.hasSamplePortfolioContent()]);
  return <PortfolioEditor initialDocument={portfolio} initialHasSample={hasSample} />;
}
