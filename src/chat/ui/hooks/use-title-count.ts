'use client';

import { useEffect } from 'react';

const COUNT_PREFIX = /^\(\d+\)\s/;

/** Shows an unread count in the tab title as "(3) Title"; the plain title again at 0 and on unmount. */
export function useTitleCount(count: number): void {
  useEffect(() => {
    const base = document.title.replace(COUNT_PREFIX, '');
    document.title = count > 0 ? `(${count}) ${base}` : base;
    return () => {
      document.title = document.title.replace(COUNT_PREFIX, '');
    };
  }, [count]);
}
