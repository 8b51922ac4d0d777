'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { Messages } from '@/chat/ui/i18n';
import { ChatPreferencesProvider, useChatPreferences } from '@/chat/ui/preferences';
import { ApiError } from '@/http/client/api-client';
import { cx } from '@/ui/cx';
import { claimDeviceLink } from './devices-api';
import { writeStoredSession } from './visitor-storage';

type Refusal = 'expired' | 'used' | 'invalid' | 'closed';

function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'gone:device') return 'expired';
  if (error.code === 'conflict:device') return 'used';
  if (error.code === 'gone:conversation') return 'closed';
  if (error.code === 'bad_request:device' || error.code === 'bad_request:validation') return 'invalid';
  return null;
}

const refusalText = (t: Messages, refusal: Refusal) =>
  ({ expired: t.linkRefusedExpired, used: t.linkRefusedUsed, invalid: t.linkRefusedInvalid, closed: t.linkRefusedClosed })[refusal];

/** /chat/continue#<token>: another device's link, exchanged once for a session of this browser's own, then the chat. */
export function ContinueOnDevice() {
  return (
    <ChatPreferencesProvider>
      <ClaimDeviceLink />
    </ChatPreferencesProvider>
  );
}

function ClaimDeviceLink() {
  const { t, themeClass } = useChatPreferences();
  const [failure, setFailure] = useState<{ refusal: Refusal | null; message: string } | null>(null);
  const claimed = useRef(false);

  useEffect(() => {
    // The link works once: never twice from one page, even when React runs this effect again.
    if (claimed.current) return;
    claimed.current = true;
    const token = window.location.hash.slice(1);
    window.history.replaceState(window.history.state, '', window.location.pathname);
    const claim = token ? claimDeviceLink(token) : Promise.reject(new ApiError({ error: t.linkRefusedInvalid, status: 400, code: 'bad_request:device' }));
    claim.then(
      (session) => {
        writeStoredSession({ token: session.sessionToken, conversationId: session.conversationId });
        window.location.replace('/chat');
      },
      (error: unknown) => setFailure({ refusal: refusalOf(error), message: error instanceof Error ? error.message : String(error) }),
    );
  }, [t]);

  return (
    <main
      className={cx(themeClass, 'flex h-dvh flex-col items-center justify-center gap-3 bg-slate-100 p-6 text-center text-slate-900 dark:bg-slate-900 dark:text-slate-100')}
      data-testid={failure ? 'device-link-refused' : 'device-link-claiming'}
      data-refusal={failure?.refusal ?? undefined}
    >
      {failure ? (
        <>
          <h1 className="text-lg font-semibold">{t.linkRefusedTitle}</h1>
          <p className="max-w-sm text-sm text-slate-600 dark:text-slate-300">{failure.refusal ? refusalText(t, failure.refusal) : failure.message}</p>
          <Link href="/chat" className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
            {t.openTheChat}
          </Link>
        </>
      ) : (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {t.continuingTitle}
        </p>
      )}
    </main>
  );
}
