'use client';

import { useMemo } from 'react';
import type { ImageSource } from '@/chat/ui/message-image';
import { uploadUrl } from '@/chat/ui/message-image';
import { SESSION_TOKEN_HEADER } from '@/shared/names';

/**
 * The visitor's images: fetched with the session token (an <img> cannot send
 * it) and shown from memory, each fetched once per page.
 */
export function useVisitorImageSource(sessionToken: string | null): ImageSource | null {
  return useMemo(() => {
    if (!sessionToken) return null;
    const urls = new Map<string, Promise<string>>();
    return (id: string) => {
      let url = urls.get(id);
      if (!url) {
        url = fetch(uploadUrl(id), { headers: { [SESSION_TOKEN_HEADER]: sessionToken }, credentials: 'omit' }).then(async (response) => {
          if (!response.ok) throw new Error(`image ${response.status}`);
          return URL.createObjectURL(await response.blob());
        });
        // A failed fetch is tried again the next time the image is shown.
        url.catch(() => urls.delete(id));
        urls.set(id, url);
      }
      return url;
    };
  }, [sessionToken]);
}
