import type { Metadata } from 'next';
import { connection } from 'next/server';
import { InvitationForm } from '@/auth/components/invitation-form';

export const metadata: Metadata = { title: 'Join the team', robots: { index: false, follow: false }, referrer: 'no-referrer' };

export default async function InvitationPage() {
  // Rendered per request for the CSP nonce.
  await connection();
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Join the team</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">You were invited to answer this site&apos;s chat. Choose your name and a password.</p>
      <InvitationForm />
    </>
  );
}
