'use client';

import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { cx } from '@/ui/cx';

/** What the attach button offers; the server checks the bytes whatever the browser lets through. */
export const IMAGE_TYPES = 'image/png,image/jpeg,image/webp,image/gif';

export const firstImage = (files: FileList | null | undefined) => Array.from(files ?? []).find((file) => file.type.startsWith('image/')) ?? null;

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

type ImageDropZoneProps = {
  /** Sends the dropped image; without it the zone takes no drops (a closed conversation). */
  onDrop?: (file: File) => void;
  /** Shown over the zone while files are dragged over it. */
  label: string;
  className?: string;
  children: ReactNode;
};

/**
 * The conversation as a drop target: an image dropped anywhere on the messages
 * or the reply box is sent, as in every chat app, with a hint over the zone
 * while it is dragged there.
 */
export function ImageDropZone({ onDrop, label, className, children }: ImageDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  // dragenter and dragleave fire for every child crossed; the zone is left when they balance.
  const depth = useRef(0);

  const handlers = onDrop
    ? {
        onDragEnter: (event: DragEvent) => {
          if (!carriesFiles(event)) return;
          depth.current += 1;
          setDragging(true);
        },
        onDragOver: (event: DragEvent) => {
          if (carriesFiles(event)) event.preventDefault();
        },
        onDragLeave: () => {
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) setDragging(false);
        },
        onDrop: (event: DragEvent) => {
          depth.current = 0;
          setDragging(false);
          const file = firstImage(event.dataTransfer.files);
          if (!file) return;
          event.preventDefault();
          onDrop(file);
        },
      }
    : {};

  return (
    <div {...handlers} className={cx('relative', className)} data-testid="image-drop-zone">
      {children}
      {dragging ? (
        <div
          className="pointer-events-none absolute inset-2 z-20 flex items-center justify-center rounded-xl border-2 border-dashed border-indigo-400 bg-indigo-50/90 text-sm font-semibold text-indigo-700 dark:bg-indigo-950/90 dark:text-indigo-200"
          data-testid="image-drop-hint"
        >
          {label}
        </div>
      ) : null}
    </div>
  );
}
