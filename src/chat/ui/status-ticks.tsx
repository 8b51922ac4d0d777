import type { DisplayMessage } from './display-message';
import type { Messages } from './i18n';

const labels = (t: Messages): Record<DisplayMessage['status'], string> => ({
  pending: t.statusPending,
  sent: t.statusSent,
  delivered: t.statusDelivered,
  read: t.statusRead,
  failed: t.statusFailed,
});

/** ✓ sent, ✓✓ delivered, blue ✓✓ read, a clock while in the outbox, "!" when it failed. */
export function StatusTicks({ status, t }: { status: DisplayMessage['status']; t: Messages }) {
  const label = labels(t)[status];
  return (
    <span data-testid="message-status" data-status={status} title={label} className="inline-flex items-center">
      <svg viewBox="0 0 20 12" width="18" height="11" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={status === 'read' ? 'text-sky-300' : status === 'failed' ? 'text-rose-300' : 'opacity-75'}>
        {status === 'pending' ? (
          <>
            <circle cx="10" cy="6" r="4.5" />
            <path d="M10 3.8V6l1.6 1.2" />
          </>
        ) : status === 'failed' ? (
          <path d="M10 2v5M10 9.8v.2" />
        ) : (
          <>
            <path d="M1.5 6.5l3 3 6-7" />
            {status !== 'sent' ? <path d="M8.5 9.5l6-7" /> : null}
          </>
        )}
      </svg>
      <span className="sr-only">{label}</span>
    </span>
  );
}
