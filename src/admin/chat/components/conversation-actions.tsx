'use client';

import { useState } from 'react';
import type { ConversationPayload } from '@/realtime/channels';
import { Button } from '@/ui/button';
import type { ConversationChange } from '../api';

type ConversationActionsProps = {
  conversation: ConversationPayload;
  onChange: (change: ConversationChange) => Promise<string | null>;
  /** Asks the assistant to answer the visitor now (`regenerate`: again); resolves to an error message or null. */
  onAskAi: (regenerate: boolean) => Promise<string | null>;
  /** The assistant has answered the visitor's latest message: the button offers another answer instead. */
  aiAnswered: boolean;
};

/** Take over / hand back, the status moves that make sense from the current one, and clearing an upset or urgent mark. */
export function ConversationActions({ conversation, onChange, onAskAi, aiAnswered }: ConversationActionsProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(await action());
    setBusy(false);
  };
  const change = (patch: ConversationChange) => void run(() => onChange(patch));
  const open = conversation.status !== 'closed';

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {open ? (
        conversation.isAiHandled ? (
          <Button size="sm" variant="primary" disabled={busy} onClick={() => change({ isAiHandled: false })} data-testid="take-over">
            Take over
          </Button>
        ) : (
          <Button size="sm" disabled={busy} onClick={() => change({ isAiHandled: true })} data-testid="hand-back-to-ai">
            Hand back to AI
          </Button>
        )
      ) : null}
      {open && !aiAnswered ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => void run(() => onAskAi(false))} data-testid="ask-ai" title="The assistant answers the visitor's last message now, even in a conversation you took over">
          Ask AI
        </Button>
      ) : null}
      {open && aiAnswered ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => void run(() => onAskAi(true))} data-testid="regenerate-ai" title="The assistant answered the visitor's last message; this writes another answer">
          Regenerate AI answer
        </Button>
      ) : null}
      {conversation.status === 'active' ? (
        <Button size="sm" disabled={busy} onClick={() => change({ status: 'resolved' })} data-testid="resolve-conversation">
          Resolve
        </Button>
      ) : (
        <Button size="sm" disabled={busy} onClick={() => change({ status: 'active' })} data-testid="reopen-conversation">
          Reopen
        </Button>
      )}
      {open ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => change({ status: 'closed' })} data-testid="close-conversation" title="Closed conversations are finished: a visitor writing again starts a new one">
          Close
        </Button>
      ) : null}
      {conversation.mood ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => change({ mood: null })} data-testid="clear-mood" title="The conversation goes back to its place in the list by its last message">
          Clear mark
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
