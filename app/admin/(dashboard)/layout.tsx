import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AdminNav } from '@/admin/components/admin-nav';
import { SignOutButton } from '@/auth/components/sign-out-button';
import { verifySession } from '@/auth/server/session';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Tanya admin' }, robots: { index: false, follow: false } };

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // The check that counts: the session must still be open and its account still exist.
  const session = await verifySession();
  if (!session) redirect('/admin/login');

  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/admin" className="text-base font-semibold text-slate-900">
            Tanya <span className="text-indigo-600">admin</span>
          </Link>
          {/* On narrow screens the nav takes its own row under the brand and Sign out. */}
          <div className="order-last -mx-3 w-full sm:order-none sm:mx-0 sm:w-auto">
            <AdminNav />
          </div>
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden text-sm text-slate-500 sm:inline" title="Signed in as">
              {session.email}
            </span>
            <SignOutButton everywhere />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
