import { ValueIcon } from '@/ui/icons';

/** What a brand-new site shows before the owner has written anything. */
export function EmptyPortfolio() {
  return (
    <section aria-labelledby="empty-title" className="mx-auto flex max-w-xl flex-col items-center px-5 py-24 text-center sm:py-32" data-testid="empty-portfolio">
      <span className="inline-flex size-14 items-center justify-center rounded-2xl bg-indigo-50 text-2xl text-indigo-600 dark:bg-indigo-500/15 dark:text-indigo-300">
        <ValueIcon name="rocket" />
      </span>
      <h1 id="empty-title" className="mt-6 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">
        Nothing here yet
      </h1>
      <p className="mt-4 text-lg leading-relaxed text-slate-600 dark:text-slate-400">
        This portfolio is freshly set up and waiting for its story. Check back soon.
      </p>
      <p className="mt-8 text-sm text-slate-500 dark:text-slate-400">
        Is this your site?{' '}
        <a href="/admin" className="font-semibold text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-400 dark:hover:text-indigo-300">
          Sign in at /admin
        </a>{' '}
        to add your introduction, tech stack, career and projects.
      </p>
    </section>
  );
}
