import { publishedQa, type PortfolioDocument } from '@/portfolio/schema';
import { AboutSection } from './about-section';
import { CareerSection } from './career-section';
import { ContactSection } from './contact-section';
import { EmptyPortfolio } from './empty-portfolio';
import { HeroSection } from './hero-section';
import { PeopleAskSection } from './people-ask-section';
import { ProjectsSection } from './projects-section';
import { SampleBanner } from './sample-banner';
import { SiteHeader, type NavLink } from './site-header';
import { TechStackSection } from './tech-stack-section';

type PortfolioHomeProps = { portfolio: PortfolioDocument; hasSample: boolean };

/** The public one-page portfolio; each section appears only when it has content. */
export function PortfolioHome({ portfolio, hasSample }: PortfolioHomeProps) {
  const { about, techStack, career, projects } = portfolio;
  const empty = !about && techStack.length === 0 && career.length === 0 && projects.length === 0;
  const hasContact = Boolean(about?.email || about?.availability);
  const qa = publishedQa(portfolio);

  const links: NavLink[] = [];
  if (about) links.push({ href: '#about', label: 'About' });
  if (techStack.length > 0) links.push({ href: '#stack', label: 'Stack' });
  if (career.length > 0) links.push({ href: '#career', label: 'Career' });
  if (projects.length > 0) links.push({ href: '#projects', label: 'Projects' });
  if (qa.length > 0) links.push({ href: '#people-ask', label: 'Q&A' });
  if (hasContact) links.push({ href: '#contact', label: 'Contact' });

  return (
    <div id="top" className="min-h-screen bg-white text-slate-900 [color-scheme:light] dark:bg-slate-950 dark:text-slate-100 dark:[color-scheme:dark]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-semibold focus:text-indigo-700 focus:shadow"
      >
        Skip to content
      </a>
      {hasSample ? <SampleBanner /> : null}
      <SiteHeader name={about?.name ?? null} links={links} />
      <main id="main">
        {empty ? (
          <EmptyPortfolio />
        ) : (
          <>
            <HeroSection about={about} showContact={hasContact} showProjects={projects.length > 0} />
            {about ? <AboutSection about={about} /> : null}
            {techStack.length > 0 ? <TechStackSection items={techStack} /> : null}
            {career.length > 0 ? <CareerSection entries={career} /> : null}
            {projects.length > 0 ? <ProjectsSection projects={projects} /> : null}
            {qa.length > 0 ? <PeopleAskSection entries={qa} /> : null}
            {hasContact ? <ContactSection email={about?.email} availability={about?.availability} /> : null}
          </>
        )}
      </main>
      <footer className="border-t border-slate-200 py-8 text-center text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400">
        <p>
          © {new Date().getFullYear()} {about?.name ?? 'Portfolio'}
        </p>
      </footer>
    </div>
  );
}
