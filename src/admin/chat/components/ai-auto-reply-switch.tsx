'use client';

import { cx } from '@/ui/cx';

type AiAutoReplySwitchProps = {
  enabled: boolean;
  saving: boolean;
  error: string | null;
  changedBy: string | null;
  onChange: (enabled: boolean) => void;
};

/** The global AI auto-reply switch (FR-16): on, the assistant answers every AI-handled conversation. */
export function AiAutoReplySwitch({ enabled, saving, error, changedBy, onChange }: AiAutoReplySwitchProps) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-3">
        <span id="ai-auto-reply-label" className="text-sm font-medium text-slate-800">
          AI auto-reply
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-labelledby="ai-auto-reply-label"
          aria-describedby="ai-auto-reply-status"
          disabled={saving}
          onClick={() => onChange(!enabled)}
          className={cx(
            'relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60',
            enabled ? 'bg-violet-600' : 'bg-slate-300',
          )}
          data-testid="ai-auto-reply-switch"
        >
          <span className={cx('inline-block size-5 rounded-full bg-white shadow transition', enabled ? 'translate-x-5.5' : 'translate-x-0.5')} />
        </button>
      </div>
      <p id="ai-auto-reply-status" className="text-xs text-slate-500" aria-live="polite" data-testid="ai-auto-reply-status">
        {enabled ? 'The assistant answers conversations you have not taken over.' : 'Off: only you answer.'}
        {changedBy ? ` Changed by ${changedBy}.` : ''}
      </p>
      {error ? (
        <p role="alert" className="text-xs font-medium text-red-600">
          Not saved: {error}
        </p>
      ) : null}
    </div>
  );
}
