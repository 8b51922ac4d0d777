/** Shown while any seeded sample content is still on the site. */
export function SampleBanner() {
  return (
    <aside
      aria-label="Sample content notice"
      data-testid="sample-content-banner"
      className="border-b border-amber-200 bg-amber-50 px-4 py-2.5 text-center text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <span aria-hidden="true" className="mr-1.5">✦</span>
      This is sample content — sign in at{' '}
      <a href="/admin" className="font-semibold underline decoration-amber-400 underline-offset-2 hover:decoration-amber-700 dark:hover:decoration-amber-200">
        /admin
      </a>{' '}
      to replace it
    </aside>
  );
}
