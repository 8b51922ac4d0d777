'use client';

import { useCallback, useSyncExternalStore } from 'react';

/*
 * Small remembered values (language, theme, sound, the visitor's session) in
 * localStorage, read hydration-safely: the server render and the first client
 * render use the fallback, then the stored value. Storage may be missing or
 * full (private modes, quotas): reads fall back and writes are best effort.
 */

const localListeners = new Set<() => void>();

export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Not remembered this time; the value still applies to this page.
  }
  for (const listener of [...localListeners]) listener();
}

function subscribe(onChange: () => void): () => void {
  // 'storage' covers other tabs; localListeners this one.
  window.addEventListener('storage', onChange);
  localListeners.add(onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    localListeners.delete(onChange);
  };
}

/**
 * A remembered string value: `[value, setValue]`, shared by every component
 * (and tab) using the same key. `clientDefault` is used when nothing is stored
 * (e.g. the browser's language); `serverDefault` while rendering on the server.
 */
export function useStoredValue<T extends string>(
  key: string,
  decode: (raw: string | null) => T | null,
  defaults: { server: T; client: () => T },
): [T, (value: T) => void] {
  const getSnapshot = () => decode(readStored(key)) ?? defaults.client();
  const value = useSyncExternalStore(subscribe, getSnapshot, () => defaults.server);
  const setValue = useCallback((next: T) => writeStored(key, next), [key]);
  return [value, setValue];
}
