import type { Messages } from '@/chat/ui/i18n';
import { headerButtonClass } from '@/chat/ui/preference-controls';

/** The chat header's ✕: closes the floating widget, or the chat embedded on another site. */
export function CloseChatButton({ t, onClick }: { t: Messages; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className={headerButtonClass} aria-label={t.closeChat} title={t.closeChat} data-testid="close-chat">
      <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true">
        <path d="M18 6L6 18M6 6l12 12" />
      </svg>
    </button>
  );
}
