import type { QaEntry } from '@/portfolio/schema';
import { Section } from './section';

/** The owner's published Q&A, each answer one click away. */
export function PeopleAskSection({ entries }: { entries: QaEntry[] }) {
  return (
    <Section id="people-ask" eyebrow="Q&A" title="People ask" intro="Questions visitors often ask, answered.">
      <div className="divide-y divide-slate-200 rounded-2xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="people-ask">
        {entries.map((entry) => (
          <details key={entry.question} lang={entry.language} className="group px-5 py-4" data-testid="people-ask-item">
            <summary className="cursor-pointer list-none font-semibold text-slate-900 marker:hidden dark:text-white">
              <span className="mr-2 inline-block text-indigo-600 transition-transform group-open:rotate-90 dark:text-indigo-400" aria-hidden="true">
                ›
              </span>
              {entry.question}
            </summary>
            <p className="mt-2 whitespace-pre-line text-slate-600 dark:text-slate-400">{entry.answer}</p>
          </details>
        ))}
      </div>
    </Section>
  );
}
