import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { InsightsDashboard } from '@/admin/insights/components/insights-dashboard';
import { verifySession } from '@/auth/server/session';
import { insightsQuerySchema } from '@/insights/schemas';
import { readInsights } from '@/insights/server/insights';
import { DEFAULT_INSIGHTS_DAYS } from '@/insights/types';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Insights' };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The layout checks too, but a page must not rely on its layout for access control.
  if (!(await verifySession())) redirect('/admin/login');
  // A link with a period the page does not offer opens the default one rather than an error page.
  const parsed = insightsQuerySchema.safeParse({ days: (await searchParams).days });
  return <InsightsDashboard insights={await readInsights(parsed.success ? parsed.data.days : DEFAULT_INSIGHTS_DAYS)} />;
}
