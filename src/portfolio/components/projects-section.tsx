import type { Project } from '@/portfolio/schema';
import { CodeIcon, ExternalLinkIcon } from '@/ui/icons';
import { Section, TagList } from './section';

const linkClass =
  'inline-flex items-center gap-1.5 rounded-md text-sm font-semibold text-indigo-700 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-400 dark:hover:text-indigo-300';

export function ProjectsSection({ projects }: { projects: Project[] }) {
  return (
    <Section id="projects" eyebrow="Projects" title="Things I've built">
      <ul className="grid gap-5 md:grid-cols-2">
        {projects.map((project, index) => (
          <li key={index}>
            <article className="flex h-full flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm transition hover:-translate-y-0.5 hover:shadow-md dark:border-slate-800 dark:bg-slate-900">
              <div className="flex items-start justify-between gap-3">
                <h3 className="text-lg font-bold text-slate-900 dark:text-white">{project.name}</h3>
                {project.year ? (
                  <span className="shrink-0 rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                    {project.year}
                  </span>
                ) : null}
              </div>
              <p className="mt-3 flex-1 leading-relaxed text-slate-600 dark:text-slate-400">{project.description}</p>
              {project.techStack.length > 0 ? (
                <div className="mt-5">
                  <TagList tags={project.techStack} label={`Technologies used in ${project.name}`} />
                </div>
              ) : null}
              {project.url || project.repoUrl ? (
                <div className="mt-5 flex flex-wrap gap-x-5 gap-y-2 border-t border-slate-100 pt-4 dark:border-slate-800">
                  {project.url ? (
                    <a href={project.url} target="_blank" rel="noopener noreferrer" className={linkClass}>
                      <ExternalLinkIcon /> Visit site<span className="sr-only"> of {project.name} (opens in a new tab)</span>
                    </a>
                  ) : null}
                  {project.repoUrl ? (
                    <a href={project.repoUrl} target="_blank" rel="noopener noreferrer" className={linkClass}>
                      <CodeIcon /> Source code<span className="sr-only"> of {project.name} (opens in a new tab)</span>
                    </a>
                  ) : null}
                </div>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
    </Section>
  );
}
