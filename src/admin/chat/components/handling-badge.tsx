import type { ConversationPayload } from '@/realtime/channels';
import { cx } from '@/ui/cx';

const badge = 'inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-[11px] font-semibold leading-4 ring-1 ring-inset';

/** Who answers this conversation: the AI assistant or the owner; and whether the AI handed it over. */
export function HandlingBadge({ conversation, className }: { conversation: Pick<ConversationPayload, 'isAiHandled' | 'needsHuman'>; className?: string }) {
  return (
    <span className={cx('inline-flex items-center gap-1', className)}>
      {conversation.needsHuman ? (
        <span className={cx(badge, 'bg-amber-50 text-amber-800 ring-amber-300')} data-testid="needs-human-badge">
          Needs you
        </span>
      ) : null}
      {conversation.isAiHandled ? (
        <span className={cx(badge, 'bg-violet-50 text-violet-700 ring-violet-200')} data-testid="handling-badge" title="The AI assistant answers this conversation">
          AI
        </span>
      ) : (
        <span className={cx(badge, 'bg-sky-50 text-sky-700 ring-sky-200')} data-testid="handling-badge" title="You answer this conversation yourself">
          Manual
        </span>
      )}
    </span>
  );
}

const moods = {
  upset: { label: 'Upset', spoken: 'The visitor seems upset' },
  urgent: { label: 'Urgent', spoken: 'The visitor says it is urgent' },
} as const;

/** How the visitor's messages read (src/ai/mood.ts): such conversations are listed first until the owner clears the mark. */
export function MoodBadge({ mood }: { mood: ConversationPayload['mood'] }) {
  if (!mood) return null;
  const { label, spoken } = moods[mood];
  return (
    <span className={cx(badge, 'bg-rose-50 text-rose-700 ring-rose-300')} data-testid="mood-badge" data-mood={mood} title={spoken}>
      <span aria-hidden="true">{label}</span>
      <span className="sr-only">{spoken}</span>
    </span>
  );
}

const statusStyles = {
  active: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  resolved: 'bg-slate-100 text-slate-600 ring-slate-200',
  closed: 'bg-slate-800 text-white ring-slate-800',
} as const;

export function StatusBadge({ status }: { status: ConversationPayload['status'] }) {
  return (
    <span className={cx(badge, 'capitalize', statusStyles[status])} data-testid="status-badge">
      {status}
    </span>
  );
}
