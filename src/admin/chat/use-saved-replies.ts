'use client';

import { useCallback, useEffect, useState } from 'react';
import type { SavedRepliesImportResult, SavedReply } from '@/chat/saved-replies';
import type { FieldErrors } from '@/http/errors';
import { createSavedReply, deleteSavedReply, fetchSavedReplies, importSavedReplies, updateSavedReply, type SavedReplyDraft } from './api';

export type SavedReplyFailure = { error: string; fields: FieldErrors };

export type SavedReplies = {
  replies: SavedReply[];
  state: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Creates (no id) or changes a reply; resolves to null, or to what the server refused. */
  save: (id: number | null, draft: SavedReplyDraft) => Promise<SavedReplyFailure | null>;
  remove: (id: number) => Promise<string | null>;
  /** Imports a parsed export file, then reads the list again (a merge can touch any reply). */
  importFile: (file: unknown) => Promise<{ success: true; data: SavedRepliesImportResult } | ({ success: false } & SavedReplyFailure)>;
};

/**
 * The owner's saved replies, read once per mount: by the settings page that
 * manages them, and by an open conversation for its reply box's `/` picker
 * (which so sees replies saved in another tab when the next conversation opens).
 */
export function useSavedReplies(): SavedReplies {
  const [replies, setReplies] = useState<SavedReply[]>([]);
  const [state, setState] = useState<SavedReplies['state']>('loading');
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(
    () =>
      fetchSavedReplies().then((result) => {
        if (result.success) {
          setReplies(result.data.replies);
          setState('ready');
          setError(null);
        } else {
          setState('error');
          setError(result.error);
        }
      }),
    [],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const save = useCallback<SavedReplies['save']>(async (id, draft) => {
    const result = id === null ? await createSavedReply(draft) : await updateSavedReply(id, draft);
    if (!result.success) return { error: result.error, fields: result.fields ?? {} };
    const saved = result.data;
    setReplies((known) => (known.some((reply) => reply.id === saved.id) ? known.map((reply) => (reply.id === saved.id ? saved : reply)) : [...known, saved]));
    return null;
  }, []);

  const remove = useCallback(async (id: number) => {
    const result = await deleteSavedReply(id);
    if (!result.success) return result.error;
    setReplies((known) => known.filter((reply) => reply.id !== id));
    return null;
  }, []);

  const importFile = useCallback<SavedReplies['importFile']>(
    async (file) => {
      const result = await importSavedReplies(file);
      if (!result.success) return { success: false, error: result.error, fields: result.fields ?? {} };
      await refresh();
      return result;
    },
    [refresh],
  );

  return { replies, state, error, save, remove, importFile };
}
