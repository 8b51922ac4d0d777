import type { About } from '@/portfolio/schema';
import { ValueIcon } from '@/ui/icons';
import { Paragraphs, Section, TagList } from './section';

export function AboutSection({ about }: { about: About }) {
  return (
    <Section id="about" eyebrow="About" title="About me" tinted>
      <Paragraphs text={about.narrativeContent} className="max-w-3xl text-lg leading-relaxed text-slate-700 dark:text-slate-300" />

      {about.coreValues.length > 0 ? (
        <div className="mt-14">
          <h3 className="text-base font-semibold text-slate-900 dark:text-white">What I value</h3>
          <ul className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {about.coreValues.map((value, index) => (
              <li
                key={index}
                className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
              >
                <span className="inline-flex size-10 items-center justify-center rounded-xl bg-indigo-50 text-lg text-indigo-600 dark:bg-indigo-500/15 dark:text-indigo-300">
                  <ValueIcon name={value.icon} />
                </span>
                <h4 className="mt-4 font-semibold text-slate-900 dark:text-white">{value.title}</h4>
                <p className="mt-1.5 text-sm leading-relaxed text-slate-600 dark:text-slate-400">{value.description}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {about.interests.length > 0 ? (
        <div className="mt-14">
          <h3 className="text-base font-semibold text-slate-900 dark:text-white">Outside of work</h3>
          <div className="mt-4">
            <TagList tags={about.interests} label="Interests" size="md" />
          </div>
        </div>
      ) : null}
    </Section>
  );
}
