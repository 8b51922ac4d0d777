import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/auth/components/login-form';
import { safeNextPath } from '@/auth/redirect';
import { verifySession } from '@/auth/server/session';
import { isSetupOpen } from '@/auth/server/setup';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const redirectTo = safeNextPath((await searchParams).next);
  if (await verifySession()) redirect(redirectTo);
  const setupOpen = await isSetupOpen();

  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Manage your portfolio and chat.</p>
      <LoginForm redirectTo={redirectTo} />
      {setupOpen ? (
        <p className="mt-6 text-center text-sm text-slate-600">
          No admin account yet?{' '}
          <Link href="/admin/setup" className="font-medium text-indigo-600 hover:text-indigo-500">
            Set one up
          </Link>
        </p>
      ) : null}
    </>
  );
}
