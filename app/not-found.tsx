import Link from 'next/link';
import { connection } from 'next/server';

/** Rendered per request so its scripts carry the CSP nonce like every other page. */
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">404</p>
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <Link href="/" className="text-blue-600 underline underline-offset-4 hover:text-blue-700">
        Back to the home page
      </Link>
    </main>
  );
}
