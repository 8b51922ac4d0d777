'use client';

import { useState } from 'react';
import type { Locale, Messages } from '@/chat/ui/i18n';
import { SESSION_TOKEN_HEADER } from '@/shared/names';
import { saveFile } from '@/ui/save-file';

/** What a visitor may download (the owner also has JSON), with the names people know them by. */
const VISITOR_FORMATS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'md', label: 'Markdown' },
  { format: 'txt', label: 'Text' },
] as const;

const fileNameOf = (response: Response, fallback: string) => /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;

/**
 * The visitor's token goes in a header, which a plain link cannot send: the
 * file is fetched, then handed to the browser's download from memory.
 */
async function downloadTranscript(sessionToken: string, conversationId: string, format: string, locale: Locale): Promise<void> {
  const response = await fetch(`/api/chat/conversations/${encodeURIComponent(conversationId)}/transcript?format=${format}&lang=${locale}`, {
    headers: { [SESSION_TOKEN_HEADER]: sessionToken },
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`transcript ${response.status}`);
  saveFile(await response.blob(), fileNameOf(response, `conversation.${format}`));
}

/** "Download conversation: PDF · Markdown · Text", in the chat's menu. */
export function TranscriptDownload({ t, locale, sessionToken, conversationId }: { t: Messages; locale: Locale; sessionToken: string; conversationId: string }) {
  const [failed, setFailed] = useState(false);
  return (
    <div className="px-2 py-1.5" data-testid="transcript-download">
      <div className="text-sm font-medium text-slate-700 dark:text-slate-200">{t.downloadConversation}</div>
      <div className="mt-1 flex gap-1.5">
        {VISITOR_FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            aria-label={t.downloadAs(label)}
            data-testid={`download-${format}`}
            onClick={() => {
              setFailed(false);
              downloadTranscript(sessionToken, conversationId, format, locale).catch(() => setFailed(true));
            }}
            className="rounded-md border border-slate-300 px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            {label}
          </button>
        ))}
      </div>
      {failed ? (
        <p role="alert" className="mt-1 text-xs text-rose-700 dark:text-rose-300">
          {t.downloadFailed}
        </p>
      ) : null}
    </div>
  );
}
