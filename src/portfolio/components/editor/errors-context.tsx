'use client';

import { createContext, useContext } from 'react';
import type { FieldErrors } from './api';

type EditorErrors = {
  errors: FieldErrors;
  /** Forget the errors at `path` and below, once the owner edits that field. */
  clear: (path: string) => void;
  /** Keep errors on their rows after a move or delete in the list at `path`. */
  reindex: (path: string, moves: Map<number, number | null>) => void;
};

const EditorErrorsContext = createContext<EditorErrors>({ errors: {}, clear: () => {}, reindex: () => {} });

export const EditorErrorsProvider = EditorErrorsContext.Provider;

export function useEditorErrors() {
  return useContext(EditorErrorsContext);
}

/** The messages at `path` itself. */
export function useErrorsAt(path: string): string[] | undefined {
  return useContext(EditorErrorsContext).errors[path];
}

/** Whether anything at or below `path` has an error (to open a collapsed card). */
export function useHasErrorsUnder(path: string): boolean {
  const { errors } = useContext(EditorErrorsContext);
  return Object.keys(errors).some((key) => key === path || key.startsWith(`${path}.`));
}
