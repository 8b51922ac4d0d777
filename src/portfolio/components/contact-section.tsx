import { MailIcon } from '@/ui/icons';

export function ContactSection({ email, availability }: { email?: string; availability?: string }) {
  return (
    <section id="contact" aria-labelledby="contact-title" className="mx-auto max-w-5xl scroll-mt-20 px-5 pb-16 pt-8 sm:px-6 sm:pb-24">
      <div className="relative isolate overflow-hidden rounded-3xl bg-slate-900 px-6 py-12 text-center shadow-xl sm:px-12 sm:py-16 dark:bg-slate-900 dark:ring-1 dark:ring-slate-800">
        <div
          aria-hidden="true"
          className="absolute inset-0 -z-10 bg-[radial-gradient(40rem_20rem_at_50%_0%,rgba(99,102,241,0.45),transparent_70%)]"
        />
        <p className="text-sm font-semibold uppercase tracking-widest text-indigo-300">Contact</p>
        <h2 id="contact-title" className="mt-2 text-3xl font-bold tracking-tight text-white sm:text-4xl">
          Let&apos;s work together
        </h2>
        {availability ? <p className="mx-auto mt-4 max-w-2xl text-lg leading-relaxed text-slate-300">{availability}</p> : null}
        {email ? (
          <a
            href={`mailto:${email}`}
            className="mt-8 inline-flex max-w-full items-center gap-2 rounded-lg bg-white px-5 py-3 text-sm font-semibold text-slate-900 shadow-sm transition hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
          >
            <MailIcon className="shrink-0 text-indigo-600" />
            <span className="truncate">{email}</span>
          </a>
        ) : null}
      </div>
    </section>
  );
}
