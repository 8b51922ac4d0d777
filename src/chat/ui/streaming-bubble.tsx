import { AiBadge } from './ai-badge';
import type { Messages } from './i18n';
import { Markdown } from './markdown/markdown';

/** The assistant's reply while it streams in (replaced by the stored message when it arrives). */
export function StreamingBubble({ text, t }: { text: string; t: Messages }) {
  return (
    <div data-testid="ai-streaming" className="mt-3 flex flex-col items-start gap-1" aria-busy="true">
      <div className="px-1">
        <AiBadge label={t.aiAssistant} />
      </div>
      <div className="max-w-[85%] rounded-2xl rounded-bl-md border border-violet-200 bg-white px-3.5 py-2 text-[15px] leading-relaxed text-slate-900 shadow-sm sm:max-w-[75%] dark:border-violet-400/30 dark:bg-violet-500/10 dark:text-slate-100">
        <Markdown text={text} />
        <span aria-hidden="true" className="ml-0.5 inline-block h-4 w-1.5 translate-y-0.5 rounded-sm bg-violet-400 motion-safe:animate-pulse" />
      </div>
    </div>
  );
}
