import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { SetupForm } from '@/auth/components/setup-form';
import { isSetupOpen } from '@/auth/server/setup';

export const metadata: Metadata = { title: 'Set up' };

export default async function SetupPage() {
  // Rendered per request: whether setup is open is a database question, and the CSP nonce needs a fresh render.
  await connection();
  if (!(await isSetupOpen())) redirect('/admin/login');

  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Create the admin account</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        This page is available only until the first admin exists. You can add or reset admins later with{' '}
        <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">npm run admin:create</code>.
      </p>
      <SetupForm />
    </>
  );
}
