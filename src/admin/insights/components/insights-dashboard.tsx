'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { insightsPeriods, type InsightsPayload } from '@/insights/types';
import { Card } from '@/ui/card';
import { formatAverage, formatCost, formatCount, formatDuration, formatPercent, handoverReasonLabels, modelLabel, shortDay, unansweredReasonLabels } from '../format';
import { ChartCard, type ChartNumbers } from './chart-card';
import { ModelPrices } from './model-prices';

/*
 * /admin/insights: how the chat is doing over the chosen period. Every chart is drawn by Recharts from the
 * same rows its table and CSV show.
 */

const COLORS = ['#4f46e5', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#64748b'];
const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);
const axis = { stroke: '#94a3b8', fontSize: 12 };

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Bars per UTC day with the page's grid, day axis, tooltip and legend; `children` are the bars. */
function DailyBars<Row extends object>({
  data,
  yAxes = <YAxis allowDecimals={false} {...axis} />,
  valueFormatter,
  children,
}: {
  data: Row[];
  yAxes?: ReactNode;
  valueFormatter?: (value: unknown) => string;
  children: ReactNode;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} {...axis} />
        {yAxes}
        <Tooltip labelFormatter={(day) => shortDay(String(day))} formatter={valueFormatter} />
        <Legend />
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Counts by label as horizontal bars (reasons, questions): labels read better down the side than under the bars. */
function CountBars({ data, name, labelWidth, color }: { data: { label: string; count: number }[]; name: string; labelWidth: number; color: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} {...axis} />
        <YAxis type="category" dataKey="label" width={labelWidth} {...axis} />
        <Tooltip />
        <Bar dataKey="count" name={name} fill={color} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function InsightsDashboard({ insights }: { insights: InsightsPayload }) {
  const { days, from, to } = insights;
  const period = `${from}_${to}`;
  const models = insights.tokens.models.filter((model) => model.tokens > 0).map((model) => model.model);

  const conversations: ChartNumbers<InsightsPayload['conversations'][number]> = {
    caption: `Conversations per UTC day from ${from} to ${to}, by who answered`,
    filename: `conversations_${period}.csv`,
    rows: insights.conversations,
    columns: [
      { label: 'Day', value: (row) => row.day },
      { label: 'Assistant only', value: (row) => row.assistantOnly },
      { label: 'Owner only', value: (row) => row.ownerOnly },
      { label: 'Both', value: (row) => row.both },
      { label: 'Nobody', value: (row) => row.nobody },
    ],
  };
  const replies: ChartNumbers<InsightsPayload['firstReply']['days'][number]> = {
    caption: `Time to the owner's first reply per UTC day from ${from} to ${to}`,
    filename: `first-reply_${period}.csv`,
    rows: [...insights.firstReply.days, { day: 'Whole period', ...insights.firstReply.overall }],
    columns: [
      { label: 'Day', value: (row) => row.day },
      { label: 'Replies', value: (row) => row.replies },
      { label: 'Median (s)', value: (row) => row.medianSeconds, text: (row) => formatDuration(row.medianSeconds) },
      { label: 'p90 (s)', value: (row) => row.p90Seconds, text: (row) => formatDuration(row.p90Seconds) },
    ],
  };
  const resolution: ChartNumbers<InsightsPayload['conversations'][number]> = {
    caption: `Conversations the assistant resolved per UTC day from ${from} to ${to}`,
    filename: `resolution_${period}.csv`,
    rows: insights.conversations,
    columns: [
      { label: 'Day', value: (row) => row.day },
      { label: 'Assistant wrote', value: (row) => row.assistantEngaged },
      { label: 'Resolved without hand-over', value: (row) => row.resolved },
    ],
  };
  const handovers: ChartNumbers<InsightsPayload['handovers'][number]> = {
    caption: `Hand-overs by reason from ${from} to ${to}`,
    filename: `handovers_${period}.csv`,
    rows: insights.handovers,
    columns: [
      { label: 'Reason', value: (row) => handoverReasonLabels[row.reason] },
      { label: 'Hand-overs', value: (row) => row.count },
    ],
  };
  const tokens: ChartNumbers<InsightsPayload['tokens']['days'][number]> = {
    caption: `Tokens used by hosted providers per UTC day and model from ${from} to ${to}, with the estimated cost`,
    filename: `tokens_${period}.csv`,
    rows: insights.tokens.days,
    columns: [
      { label: 'Day', value: (row) => row.day },
      ...models.map((model) => ({ label: modelLabel(model), value: (row: InsightsPayload['tokens']['days'][number]) => row.byModel[model] ?? 0 })),
      { label: 'Total tokens', value: (row) => row.tokens },
      { label: 'Estimated cost (USD)', value: (row) => row.cost, text: (row) => formatCost(row.cost) },
    ],
  };
  const ratings: ChartNumbers<InsightsPayload['ratings']['days'][number]> = {
    caption: `Visitors' ratings per UTC day from ${from} to ${to}`,
    filename: `ratings_${period}.csv`,
    rows: insights.ratings.days,
    columns: [
      { label: 'Day', value: (row) => row.day },
      { label: 'Ratings', value: (row) => row.count },
      { label: 'Average (1–5)', value: (row) => row.average, text: (row) => formatAverage(row.average) },
    ],
  };
  const questions: ChartNumbers<InsightsPayload['topUnanswered'][number]> = {
    caption: `The most asked questions the assistant handed over, asked from ${from} to ${to}`,
    filename: `unanswered_${period}.csv`,
    rows: insights.topUnanswered,
    columns: [
      { label: 'Question', value: (row) => row.text },
      { label: 'Times asked', value: (row) => row.count },
      { label: 'Reason', value: (row) => unansweredReasonLabels[row.reason] },
      { label: 'Last asked', value: (row) => row.lastAskedAt },
    ],
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Insights</h1>
          <p className="mt-1 text-sm text-slate-500">
            How the chat is doing, {from} to {to} (UTC days).
          </p>
        </div>
        <nav aria-label="Period" className="flex gap-1 rounded-lg bg-slate-100 p-1">
          {insightsPeriods.map((period) => (
            <Link
              key={period}
              href={`/admin/insights?days=${period}`}
              aria-current={period === days ? 'page' : undefined}
              data-testid={`insights-period-${period}`}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:bg-white aria-[current=page]:text-indigo-700 aria-[current=page]:shadow-sm"
            >
              {period} days
            </Link>
          ))}
        </nav>
      </div>

      <ChartCard id="insights-conversations" title="Conversations per day" description="By the day they started, split by who answered: the assistant, you, both, or nobody yet." numbers={conversations}>
        <DailyBars data={insights.conversations}>
          <Bar dataKey="assistantOnly" name="Assistant only" stackId="who" fill={COLORS[0]} />
          <Bar dataKey="ownerOnly" name="Owner only" stackId="who" fill={COLORS[2]} />
          <Bar dataKey="both" name="Both" stackId="who" fill={COLORS[1]} />
          <Bar dataKey="nobody" name="Nobody" stackId="who" fill={COLORS[6]} />
        </DailyBars>
      </ChartCard>

      <ChartCard
        id="insights-first-reply"
        title="Time to your first reply"
        description="From the visitor's first message to your first message after it, per conversation; median and 90th percentile per day, in minutes."
        numbers={replies}
        summary={
          <dl className="grid grid-cols-3 gap-3">
            <Figure label="Median" value={formatDuration(insights.firstReply.overall.medianSeconds)} testId="first-reply-median" />
            <Figure label="p90" value={formatDuration(insights.firstReply.overall.p90Seconds)} testId="first-reply-p90" />
            <Figure label="Conversations replied" value={formatCount(insights.firstReply.overall.replies)} />
          </dl>
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={insights.firstReply.days.map((row) => ({ day: row.day, median: minutes(row.medianSeconds), p90: minutes(row.p90Seconds) }))}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} {...axis} />
            <YAxis unit=" min" {...axis} />
            <Tooltip labelFormatter={(day) => shortDay(String(day))} />
            <Legend />
            <Line dataKey="median" name="Median" stroke={COLORS[0]} connectNulls dot={false} />
            <Line dataKey="p90" name="p90" stroke={COLORS[3]} connectNulls dot={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
          id="insights-resolution"
          title="Assistant's resolution rate"
          description="Of the conversations the assistant wrote in, the share it answered without handing over to you."
          numbers={resolution}
          summary={
            <dl className="grid grid-cols-2 gap-3">
              <Figure label="Resolved" value={formatPercent(insights.resolution.rate)} testId="resolution-rate" />
              <Figure label="Of conversations" value={formatCount(insights.resolution.assistantEngaged)} />
            </dl>
          }
        >
          <DailyBars data={insights.conversations}>
            <Bar dataKey="assistantEngaged" name="Assistant wrote" fill={COLORS[1]} />
            <Bar dataKey="resolved" name="Resolved" fill={COLORS[2]} />
          </DailyBars>
        </ChartCard>

        <ChartCard id="insights-handovers" title="Hand-overs by reason" description="Why the assistant handed conversations to you." numbers={handovers}>
          <CountBars data={insights.handovers.map((row) => ({ label: handoverReasonLabels[row.reason], count: row.count }))} name="Hand-overs" labelWidth={140} color={COLORS[4]!} />
        </ChartCard>
      </div>

      <ChartCard
        id="insights-tokens"
        title="Tokens used by hosted providers"
        description="Per day and model, with the cost estimated from the prices below (the built-in assistant costs nothing)."
        numbers={tokens}
        summary={
          <dl className="grid grid-cols-2 gap-3">
            <Figure label="Tokens" value={formatCount(insights.tokens.total)} />
            <Figure label="Estimated cost" value={formatCost(insights.tokens.cost)} testId="tokens-cost" />
          </dl>
        }
      >
        <DailyBars data={insights.tokens.days.map((row) => ({ day: row.day, ...row.byModel }))} yAxes={<YAxis tickFormatter={(value: number) => formatCount(value)} width={80} {...axis} />} valueFormatter={(value) => formatCount(Number(value))}>
          {models.map((model, index) => (
            <Bar key={model} dataKey={(row: Record<string, number>) => row[model] ?? 0} name={modelLabel(model)} stackId="model" fill={COLORS[index % COLORS.length]} />
          ))}
        </DailyBars>
      </ChartCard>

      <Card className="p-4 sm:p-6" data-testid="insights-prices">
        <h2 className="text-lg font-semibold text-slate-900">Model prices</h2>
        <p className="mb-4 mt-0.5 text-sm text-slate-500">
          One price per million tokens, input and output alike (the usage counter keeps only their sum), in US dollars. A model without a price counts as free.
        </p>
        <ModelPrices models={insights.tokens.models} />
      </Card>

      <ChartCard
        id="insights-unanswered"
        title="Most asked unanswered questions"
        description="Questions the assistant handed over and that were asked in this period; the count is every time each was asked."
        numbers={questions}
      >
        <CountBars data={insights.topUnanswered.map((row) => ({ label: row.text, count: row.count }))} name="Times asked" labelWidth={220} color={COLORS[5]!} />
      </ChartCard>

      <ChartCard
        id="insights-ratings"
        title="Ratings"
        description="The visitors' answers to “How was this conversation?” after you resolved it, by the day given: how many, and their average."
        numbers={ratings}
        summary={
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-7">
            <Figure label="Average" value={formatAverage(insights.ratings.average)} testId="ratings-average" />
            <Figure label="Ratings" value={formatCount(insights.ratings.count)} />
            {insights.ratings.scores.map((score) => (
              <Figure key={score.rating} label={`${score.rating} ★`} value={formatCount(score.count)} />
            ))}
          </dl>
        }
      >
        <DailyBars data={insights.ratings.days} yAxes={<><YAxis yAxisId="count" allowDecimals={false} {...axis} /><YAxis yAxisId="average" orientation="right" domain={[0, 5]} {...axis} /></>}>
          <Bar yAxisId="count" dataKey="count" name="Ratings" fill={COLORS[3]} />
          <Bar yAxisId="average" dataKey="average" name="Average" fill={COLORS[0]} />
        </DailyBars>
      </ChartCard>
    </div>
  );
}
