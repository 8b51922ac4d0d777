export type NavLink = { href: string; label: string };

/** The sticky bar: the owner's initials or name, and anchors to the sections that have content. */
export function SiteHeader({ name, links }: { name: string | null; links: NavLink[] }) {
  const initials = name
    ? name
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 2)
        .map((word) => Array.from(word)[0]?.toUpperCase() ?? '')
        .join('')
    : null;
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200/80 bg-white/85 backdrop-blur-md dark:border-slate-800 dark:bg-slate-950/85">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-4 sm:px-6">
        <a href="#top" className="flex shrink-0 items-center gap-2 rounded-md font-semibold text-slate-900 dark:text-white">
          {initials ? (
            <>
              <span
                aria-hidden="true"
                className="inline-flex size-8 items-center justify-center rounded-full bg-indigo-600 text-xs font-bold text-white dark:bg-indigo-500"
              >
                {initials}
              </span>
              <span className="hidden sm:inline">{name}</span>
              <span className="sr-only sm:hidden">{name}, back to top</span>
            </>
          ) : (
            <span>Portfolio</span>
          )}
        </a>
        {links.length > 0 ? (
          <nav aria-label="Sections" className="-mr-2 ml-auto min-w-0 overflow-x-auto [scrollbar-width:none]">
            <ul className="flex items-center">
              {links.map((link) => (
                <li key={link.href}>
                  <a
                    href={link.href}
                    className="block whitespace-nowrap rounded-md px-1.5 py-1.5 text-[13px] font-medium text-slate-600 transition hover:bg-slate-100 hover:text-slate-900 sm:px-3 sm:text-sm dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
                  >
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
