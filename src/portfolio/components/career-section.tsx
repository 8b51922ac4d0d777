import type { CareerEntry } from '@/portfolio/schema';
import { Section, TagList } from './section';

export function CareerSection({ entries }: { entries: CareerEntry[] }) {
  return (
    <Section id="career" eyebrow="Career" title="Where I've worked" tinted>
      <ol className="relative ml-1.5 border-l border-slate-200 sm:ml-2 dark:border-slate-800">
        {entries.map((entry, index) => (
          <li key={index} className="relative pb-12 pl-7 last:pb-0 sm:pl-10">
            <span
              aria-hidden="true"
              className="absolute -left-[7px] top-1.5 size-3.5 rounded-full border-2 border-indigo-600 bg-white ring-4 ring-slate-50 dark:border-indigo-400 dark:bg-slate-950 dark:ring-slate-950"
            />
            <article className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-7 dark:border-slate-800 dark:bg-slate-900">
              <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-400">{entry.year}</p>
              <h3 className="mt-1 text-xl font-bold text-slate-900 dark:text-white">{entry.title}</h3>
              <p className="mt-0.5 text-slate-600 dark:text-slate-400">{entry.subtitle}</p>
              <p className="mt-4 leading-relaxed text-slate-700 dark:text-slate-300">{entry.description}</p>

              {entry.bulletPoints.length > 0 ? (
                <ul className="mt-4 space-y-2">
                  {entry.bulletPoints.map((point, pointIndex) => (
                    <li key={pointIndex} className="flex gap-3 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
                      <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-indigo-500 dark:bg-indigo-400" />
                      <span>{point}</span>
                    </li>
                  ))}
                </ul>
              ) : null}

              {entry.keyProjects.length > 0 || entry.projectList.length > 0 ? (
                <div className="mt-5 grid gap-5 sm:grid-cols-2">
                  {entry.keyProjects.length > 0 ? (
                    <div>
                      <h4 className="text-xs font-semibold uppercase tracking-widest text-slate-500 dark:text-slate-400">Key projects</h4>
                      <ul className="mt-2 space-y-1 text-sm text-slate-700 dark:text-slate-300">
                        {entry.keyProjects.map((project, projectIndex) => (
                          <li key={projectIndex}>{project}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {entry.projectList.length > 0 ? (
                    <div>
                      <h4 className="text-xs font-semibold uppercase tracking-widest text-slate-500 dark:text-slate-400">Projects</h4>
                      <ul className="mt-2 space-y-1.5 text-sm text-slate-700 dark:text-slate-300">
                        {entry.projectList.map((project, projectIndex) => (
                          <li key={projectIndex} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                            <span>{project.name}</span>
                            {project.type ? (
                              <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-[11px] font-medium text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300">
                                {project.type}
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </div>
              ) : null}

              {entry.techStack.length > 0 ? (
                <div className="mt-5 border-t border-slate-100 pt-4 dark:border-slate-800">
                  <TagList tags={entry.techStack} label={`Technologies used as ${entry.title}`} />
                </div>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
    </Section>
  );
}
