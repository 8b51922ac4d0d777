'use client';

import { useEffect, useRef, useState } from 'react';
import { usePageVisible } from '@/chat/ui/hooks/use-page-visible';

/**
 * Marks the other side's messages read — only while they can really be seen:
 * the chat is on screen (`shown`), the tab is visible and the reader is at the
 * bottom of the list. One request at a time.
 */
export function useReadReceipts({ shown, atBottom, unread, markRead }: { shown: boolean; atBottom: boolean; unread: number; markRead: () => Promise<void> }) {
  const pageVisible = usePageVisible();
  const marking = useRef(false);
  // Bumped when a request ends, so messages that arrived meanwhile are marked too.
  const [finished, setFinished] = useState(0);
  useEffect(() => {
    if (!shown || !pageVisible || !atBottom || unread === 0 || marking.current) return;
    marking.current = true;
    markRead()
      .catch(() => undefined)
      .finally(() => {
        marking.current = false;
        setFinished((count) => count + 1);
      });
  }, [shown, pageVisible, atBottom, unread, markRead, finished]);
}
