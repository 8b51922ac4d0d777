'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { MessageImage as Image } from '@/chat/message-text';
import type { Messages } from './i18n';

/*
 * An image in a message: a thumbnail that opens full size. Where its bytes
 * come from is the host's to say: the owner's browser sends its cookie with a
 * plain URL, a visitor's chat must send its token in a header, so it fetches
 * the image and shows it from memory.
 */

/** Resolves an upload's id to a URL an <img> can show. */
export type ImageSource = (id: string) => Promise<string>;

const ImageSourceContext = createContext<ImageSource | null>(null);

export function ImageSourceProvider({ source, children }: { source: ImageSource | null; children: ReactNode }) {
  return <ImageSourceContext.Provider value={source}>{children}</ImageSourceContext.Provider>;
}

/** The owner's: the cookie rides along on a same-site image request. */
export const uploadUrl = (id: string) => `/api/chat/uploads/${encodeURIComponent(id)}`;

const THUMBNAIL_PX = 240;

export function MessageImage({ image, t }: { image: Image; t: Messages }) {
  const source = useContext(ImageSourceContext);
  const [url, setUrl] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let current = true;
    void source?.(image.id).then(
      (resolved) => {
        if (current) setUrl(resolved);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [source, image.id]);

  const scale = Math.min(1, THUMBNAIL_PX / Math.max(image.width, image.height));
  const size = { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={t.openImage} data-testid="message-image" className="mb-1 block overflow-hidden rounded-lg focus-visible:outline-2 focus-visible:outline-indigo-600">
        {url ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by our own API to members only; nothing for next/image to optimise
          <img src={url} alt={t.imageLabel} width={size.width} height={size.height} className="block max-w-full object-cover" />
        ) : (
          <span className="block animate-pulse bg-slate-200 dark:bg-slate-700" style={size} aria-label={t.imageLabel} />
        )}
      </button>
      {open && url ? (
        <div
          role="dialog"
          aria-modal="true"
          aria-label={t.imageLabel}
          data-testid="image-viewer"
          onClick={() => setOpen(false)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
          className="fixed inset-0 z-50 flex items-center justify-center bg-black/80 p-4"
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- the same image, full size */}
          <img src={url} alt={t.imageLabel} className="max-h-full max-w-full rounded" />
          <button type="button" autoFocus onClick={() => setOpen(false)} className="absolute right-4 top-4 rounded-full bg-white/90 px-3 py-1 text-sm font-semibold text-slate-900" data-testid="close-image">
            {t.closeImage}
          </button>
        </div>
      ) : null}
    </>
  );
}
