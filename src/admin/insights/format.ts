import type { HandoverReason, UnansweredReason } from '@/db/schema/types';

/** How the Insights page writes its figures. */

export const handoverReasonLabels: Record<HandoverReason, string> = {
  not_in_portfolio: 'Not in the portfolio',
  asked_for_human: 'Visitor asked for you',
  provider_failed: 'Provider failed',
  too_late: 'Too late to answer',
  rate_limit: 'Hourly reply limit',
  budget: 'Daily token budget',
  upset: 'Visitor seemed upset',
  urgent: 'Visitor said it is urgent',
  image: 'Only an image',
};

export const unansweredReasonLabels: Record<UnansweredReason, string> = {
  not_in_portfolio: 'Not in the portfolio',
  asked_for_human: 'Asked for you',
  provider_failed: 'Provider failed',
  limit: 'A limit',
};

/** 45 s, 12 min, 3 h 5 min; a dash for no figure. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

export const formatPercent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10}%`);
export const formatCost = (cost: number) => `$${cost.toFixed(cost > 0 && cost < 0.01 ? 4 : 2)}`;
export const formatCount = (value: number) => value.toLocaleString('en-US');
/** "Mar 4" for an axis tick of a YYYY-MM-DD day. */
export const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
/** A model recorded before usage was counted per model. */
export const modelLabel = (model: string) => model || '(unknown model)';

/** "4.3", or "–" when there is nothing to average. */
export const formatAverage = (value: number | null) => (value === null ? '–' : value.toFixed(1));
