import type { ReactNode } from 'react';
import { cx } from '@/ui/cx';
import { AiBadge } from './ai-badge';
import { isOwnMessage, type DisplayMessage, type ViewerSide } from './display-message';
import { formatTime } from './format';
import type { Locale, Messages } from './i18n';
import { imageOf } from '@/chat/message-text';
import { Markdown } from './markdown/markdown';
import { MessageImage } from './message-image';
import { StatusTicks } from './status-ticks';

export type MessageBubbleProps = {
  message: DisplayMessage;
  viewer: ViewerSide;
  /** "You", the owner's or visitor's name; the assistant always gets its badge instead. */
  senderLabel: string;
  /** False for the 2nd+ message of a run from the same sender (the label shows once per run). */
  showSender: boolean;
  t: Messages;
  locale: Locale;
  /** E.g. retry/delete under a message that failed to send. */
  actions?: ReactNode;
};

const bubbleTone = {
  own: 'rounded-br-md bg-indigo-600 text-white [&_a]:text-white dark:bg-indigo-500',
  ai: 'rounded-bl-md border border-violet-200 bg-white text-slate-900 dark:border-violet-400/30 dark:bg-violet-500/10 dark:text-slate-100',
  other: 'rounded-bl-md bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100',
};

/** Who the assistant's message came from, for the badge's hover text (admins see the model). */
function aiModelOf(message: DisplayMessage): string | undefined {
  const model = message.metadata?.model;
  const provider = message.metadata?.provider;
  return typeof model === 'string' ? (typeof provider === 'string' ? `${provider} · ${model}` : model) : undefined;
}

type AnswerSource = { source: string; label: string };

/** The facts an assistant's answer used (`metadata.sources`), ignoring anything malformed. */
function sourcesOf(message: DisplayMessage): AnswerSource[] {
  const sources = message.metadata?.sources;
  if (!Array.isArray(sources)) return [];
  return sources.filter(
    (item): item is AnswerSource => typeof item === 'object' && item !== null && typeof item.source === 'string' && typeof item.label === 'string' && item.label !== '',
  );
}

/** "Projects › Kopiloka Storefront": the section in the reader's language, then the entry's own name. */
function sourceText({ source, label }: AnswerSource, t: Messages): string {
  const section = t.sourceSections[source];
  const name = label.includes(' › ') ? label.slice(label.indexOf(' › ') + 3) : label;
  return section && section !== name ? `${section} › ${name}` : name;
}

function SourceChips({ sources, t }: { sources: AnswerSource[]; t: Messages }) {
  return (
    <ul aria-label={t.sourcesLabel} className="flex max-w-[85%] flex-wrap gap-1 px-1 sm:max-w-[75%]" data-testid="message-sources">
      {sources.map((source) => (
        <li
          key={`${source.source}:${source.label}`}
          className="rounded-full border border-violet-200 bg-violet-50 px-2 py-0.5 text-[11px] text-violet-800 dark:border-violet-400/30 dark:bg-violet-500/10 dark:text-violet-200"
          data-testid="message-source"
          data-source={source.source}
        >
          {t.sourceFrom} {sourceText(source, t)}
        </li>
      ))}
    </ul>
  );
}

/** One message: sender (or AI badge), Markdown content, time and — for the viewer's own messages — ticks. */
export function MessageBubble({ message, viewer, senderLabel, showSender, t, locale, actions }: MessageBubbleProps) {
  const image = imageOf(message.metadata);
  const own = isOwnMessage(message, viewer);
  const ai = message.senderType === 'ai';
  const tone = own ? bubbleTone.own : ai ? bubbleTone.ai : bubbleTone.other;
  const sources = ai ? sourcesOf(message) : [];
  return (
    <div
      data-testid="message"
      data-sender={message.senderType}
      data-status={message.status}
      data-message-id={message.id ?? undefined}
      className={cx('flex flex-col gap-1', own ? 'items-end' : 'items-start', showSender ? 'mt-3' : 'mt-0.5')}
    >
      {showSender ? (
        <div className="px-1 text-xs font-medium text-slate-500 dark:text-slate-400" data-testid="message-sender">
          {ai ? <AiBadge label={t.aiAssistant} title={viewer === 'admin' ? aiModelOf(message) : undefined} /> : senderLabel}
        </div>
      ) : ai ? (
        <span className="sr-only">{t.aiAssistant}</span>
      ) : (
        <span className="sr-only">{senderLabel}</span>
      )}
      <div className={cx('max-w-[85%] rounded-2xl px-3.5 py-2 text-[15px] leading-relaxed shadow-sm sm:max-w-[75%]', tone, message.status === 'pending' && 'opacity-80')}>
        {image ? <MessageImage image={image} t={t} /> : null}
        {message.content ? <Markdown text={message.content} className="[&_pre]:my-1" /> : null}
        <div className={cx('mt-1 flex items-center justify-end gap-1 text-[11px]', own ? 'text-indigo-100' : 'text-slate-600 dark:text-slate-400')}>
          <time dateTime={message.createdAt} data-testid="message-time" title={new Date(message.createdAt).toLocaleString()}>
            {formatTime(message.createdAt, locale)}
          </time>
          {own ? <StatusTicks status={message.status} t={t} /> : null}
        </div>
      </div>
      {sources.length > 0 ? <SourceChips sources={sources} t={t} /> : null}
      {actions}
    </div>
  );
}
