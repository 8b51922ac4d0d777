'use client';

import { useEffect, useMemo } from 'react';
import type { ImageSource } from '@/chat/ui/message-image';
import { uploadUrl } from '@/chat/ui/message-image';
import { SESSION_TOKEN_HEADER } from '@/shared/names';

/**
 * The visitor's images: fetched with the session token (an <img> cannot send
 * it) and shown from memory, each fetched once per session. The memory goes
 * back when the session changes or the chat unmounts.
 */
export function useVisitorImageSource(sessionToken: string | null): ImageSource | null {
  const images = useMemo(() => {
    if (!sessionToken) return null;
    const urls = new Map<string, Promise<string>>();
    const source: ImageSource = (id) => {
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
    return { source, urls, release: undefined as ReturnType<typeof setTimeout> | undefined };
  }, [sessionToken]);

  useEffect(() => {
    if (!images) return;
    // Released a moment later, and not at all if the effect mounts again at once (React's strict mode does).
    clearTimeout(images.release);
    return () => {
      images.release = setTimeout(() => {
        for (const url of images.urls.values()) void url.then(URL.revokeObjectURL, () => undefined);
        images.urls.clear();
      });
    };
  }, [images]);

  return images?.source ?? null;
}
