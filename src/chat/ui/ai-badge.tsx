/** The "AI assistant" badge on the assistant's messages (FR-05); `title` shows e.g. the model on hover. */
export function AiBadge({ label, title }: { label: string; title?: string }) {
  return (
    <span
      data-testid="ai-badge"
      title={title}
      className="inline-flex items-center gap-1 rounded-full bg-violet-100 px-2 py-0.5 text-[11px] font-semibold text-violet-700 dark:bg-violet-500/20 dark:text-violet-200"
    >
      <svg viewBox="0 0 24 24" width="12" height="12" fill="currentColor" aria-hidden="true">
        <path d="M12 2l1.8 5.2L19 9l-5.2 1.8L12 16l-1.8-5.2L5 9l5.2-1.8zM19 14l.9 2.1L22 17l-2.1.9L19 20l-.9-2.1L16 17l2.1-.9z" />
      </svg>
      {label}
    </span>
  );
}
