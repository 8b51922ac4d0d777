import type { About } from '@/portfolio/schema';
import { MapPinIcon } from '@/ui/icons';

type HeroSectionProps = { about: About | null; showContact: boolean; showProjects: boolean };

export function HeroSection({ about, showContact, showProjects }: HeroSectionProps) {
  return (
    <section aria-labelledby="hero-title" className="relative isolate overflow-hidden">
      <div
        aria-hidden="true"
        className="absolute inset-0 -z-10 bg-[radial-gradient(60rem_30rem_at_85%_-10%,rgba(99,102,241,0.16),transparent_70%),radial-gradient(40rem_24rem_at_0%_110%,rgba(14,165,233,0.10),transparent_70%)] dark:bg-[radial-gradient(60rem_30rem_at_85%_-10%,rgba(99,102,241,0.25),transparent_70%),radial-gradient(40rem_24rem_at_0%_110%,rgba(14,165,233,0.12),transparent_70%)]"
      />
      <div className="mx-auto max-w-5xl px-5 pb-20 pt-16 sm:px-6 sm:pb-28 sm:pt-24">
        {about ? (
          <>
            <p className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white/70 px-3 py-1 text-sm text-slate-600 shadow-sm dark:border-slate-700 dark:bg-slate-900/70 dark:text-slate-300">
              <MapPinIcon className="size-3.5 text-indigo-600 dark:text-indigo-400" />
              {about.location}
            </p>
            <h1 id="hero-title" className="mt-6 text-4xl font-extrabold tracking-tight text-balance text-slate-900 sm:text-6xl dark:text-white">
              {about.name}
            </h1>
            <p className="mt-3 text-lg font-semibold text-indigo-700 sm:text-xl dark:text-indigo-400">{about.title}</p>
            <p className="mt-6 max-w-2xl text-xl leading-snug text-pretty text-slate-600 sm:text-2xl dark:text-slate-300">{about.narrativeTitle}</p>
          </>
        ) : (
          <h1 id="hero-title" className="text-4xl font-extrabold tracking-tight text-slate-900 sm:text-6xl dark:text-white">
            Portfolio
          </h1>
        )}
        {showContact || showProjects ? (
          <div className="mt-10 flex flex-wrap gap-3">
            {showContact ? (
              <a
                href="#contact"
                className="inline-flex items-center rounded-lg bg-indigo-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-indigo-500 dark:hover:bg-indigo-400"
              >
                Get in touch
              </a>
            ) : null}
            {showProjects ? (
              <a
                href="#projects"
                className="inline-flex items-center rounded-lg border border-slate-300 bg-white/80 px-5 py-2.5 text-sm font-semibold text-slate-800 shadow-sm transition hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:bg-slate-900/80 dark:text-slate-100 dark:hover:bg-slate-800"
              >
                See my work
              </a>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
