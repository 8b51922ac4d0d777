'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '@/http/errors';
import { postJson } from '@/http/client/api-client';

/**
 * Submits a sign-in style form as JSON and moves on to `redirectTo` once the
 * session cookie is set; on failure it keeps the form and exposes the API's
 * message and per-field errors.
 */
export function useAuthForm({ action, redirectTo }: { action: string; redirectTo: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    const result = await postJson(action, Object.fromEntries(new FormData(event.currentTarget)));
    if (result.success) {
      // Stay pending while the next page loads, so the button cannot submit twice.
      router.replace(redirectTo);
      router.refresh();
      return;
    }
    setPending(false);
    setError(result.error);
    setFieldErrors(result.fields ?? {});
  }

  return { onSubmit, pending, error, fieldErrors };
}
