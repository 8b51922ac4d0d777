import { cx } from '@/ui/cx';

/** Three bouncing dots (still when the visitor prefers reduced motion). */
function TypingDots({ className }: { className?: string }) {
  return (
    <span className={cx('inline-flex items-center gap-1', className)} aria-hidden="true">
      {[0, 150, 300].map((delay) => (
        <span key={delay} className="size-1.5 rounded-full bg-current motion-safe:animate-bounce" style={{ animationDelay: `${delay}ms` }} />
      ))}
    </span>
  );
}

/** "Name is typing…" under the messages. */
export function TypingIndicator({ label }: { label: string }) {
  return (
    <div data-testid="typing-indicator" role="status" className="flex items-center gap-2 px-1 text-xs text-slate-500 dark:text-slate-400">
      <TypingDots />
      <span>{label}</span>
    </div>
  );
}

/** The assistant working on a reply, before any text streamed. */
export function ThinkingIndicator({ label }: { label: string }) {
  return (
    <div data-testid="ai-thinking" role="status" className="flex justify-start">
      <div className="flex items-center gap-2 rounded-2xl rounded-bl-md border border-violet-200 bg-violet-50 px-3.5 py-2.5 text-sm text-violet-700 dark:border-violet-500/30 dark:bg-violet-500/10 dark:text-violet-200">
        <TypingDots />
        <span>{label}</span>
      </div>
    </div>
  );
}
