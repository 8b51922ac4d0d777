'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { postJson } from '@/http/client/api-client';

/** Signs this browser out, or with `everywhere` every browser and device this admin is signed in on. */
export function SignOutButton({ everywhere = false }: { everywhere?: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setPending(true);
    setError(null);
    const result = await postJson('/api/auth/logout', everywhere ? { everywhere: true } : undefined);
    if (result.success) {
      router.replace('/admin/login');
      router.refresh();
      return;
    }
    setPending(false);
    setError(result.error);
  }

  return (
    <div className="flex items-center gap-2">
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
      <button
        type="button"
        onClick={signOut}
        data-testid={everywhere ? 'sign-out-everywhere' : 'sign-out'}
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm transition hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
      >
        {pending ? 'Signing out…' : everywhere ? 'Sign out everywhere' : 'Sign out'}
      </button>
    </div>
  );
}
