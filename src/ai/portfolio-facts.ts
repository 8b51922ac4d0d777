import { publishedQa, type PortfolioDocument, type Project } from '@/portfolio/schema';
import { topicsOf, type Topic } from './topics';

/**
 * The portfolio cut into small, self-contained facts: what the assistant
 * ranks against a question, quotes to a hosted model as context, and names
 * as its sources. Each fact knows its topic and the proper names in it
 * (technologies, companies, projects) that a question may mention.
 */
export type FactSource = 'about' | 'location' | 'contact' | 'availability' | 'values' | 'interests' | 'tech-stack' | 'career' | 'project' | 'qa';

export type PortfolioFact = {
  id: string;
  source: FactSource;
  /** Human-readable name of the fact, shown as the answer's source ("Career: Kopiloka"). */
  label: string;
  /** The fact as one plain-English line, for a hosted model's context and the admin's test box. */
  text: string;
  topic: Topic;
  /** Proper names a question can refer to this fact by. */
  names: string[];
  /** The structured entry the local provider writes its answers from. */
  entry: FactEntry;
};

export type FactEntry =
  | { kind: 'about'; name: string; title: string; location: string; summary: string }
  | { kind: 'location'; name: string; location: string }
  | { kind: 'contact'; name: string; email: string | null }
  | { kind: 'availability'; name: string; availability: string }
  | { kind: 'values'; values: { title: string; description: string }[] }
  | { kind: 'interests'; interests: string[] }
  | { kind: 'tech'; title: string; category: string | null; description: string }
  | { kind: 'career'; year: string; title: string; company: string; description: string; techStack: string[]; highlights: string[] }
  | ({ kind: 'project' } & Project)
  | { kind: 'qa'; question: string; answer: string; language: 'en' | 'id' | null };

/** "Kopiloka (coffee subscription startup), Jakarta – remote" → "Kopiloka". */
function companyOf(subtitle: string): string {
  return subtitle.split(/[(,–—-]/)[0]!.trim() || subtitle;
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}

export function portfolioFacts(portfolio: PortfolioDocument): PortfolioFact[] {
  const facts: PortfolioFact[] = [];
  const { about } = portfolio;
  if (about) {
    const summary = firstSentence(about.narrativeContent);
    facts.push({
      id: 'about',
      source: 'about',
      label: 'About',
      text: `${about.name} is a ${about.title} based in ${about.location}. ${about.narrativeContent}`,
      topic: 'about',
      names: [about.name, ...about.name.split(' ')],
      entry: { kind: 'about', name: about.name, title: about.title, location: about.location, summary },
    });
    facts.push({
      id: 'location',
      source: 'location',
      label: 'Location',
      text: `${about.name} is based in ${about.location}.`,
      topic: 'location',
      names: about.location.split(/,\s*/),
      entry: { kind: 'location', name: about.name, location: about.location },
    });
    facts.push({
      id: 'contact',
      source: 'contact',
      label: 'Contact',
      text: about.email
        ? `${about.name} can be reached by email at ${about.email}, or by leaving a message in this chat.`
        : `${about.name} can be reached by leaving a message in this chat.`,
      topic: 'contact',
      names: about.email ? [about.email] : [],
      entry: { kind: 'contact', name: about.name, email: about.email ?? null },
    });
    if (about.availability) {
      facts.push({
        id: 'availability',
        source: 'availability',
        label: 'Availability',
        text: `Availability: ${about.availability}`,
        topic: 'availability',
        names: [],
        entry: { kind: 'availability', name: about.name, availability: about.availability },
      });
    }
    if (about.coreValues.length > 0) {
      facts.push({
        id: 'values',
        source: 'values',
        label: 'Core values',
        text: `Core values: ${about.coreValues.map((value) => `${value.title} (${value.description})`).join('; ')}`,
        topic: 'values',
        names: about.coreValues.map((value) => value.title),
        entry: { kind: 'values', values: about.coreValues.map(({ title, description }) => ({ title, description })) },
      });
    }
    if (about.interests.length > 0) {
      facts.push({
        id: 'interests',
        source: 'interests',
        label: 'Interests',
        text: `Interests: ${about.interests.join(', ')}.`,
        topic: 'interests',
        names: about.interests,
        entry: { kind: 'interests', interests: about.interests },
      });
    }
  }

  portfolio.techStack.forEach((tech, index) => {
    facts.push({
      id: `tech-${index}`,
      source: 'tech-stack',
      label: `Tech stack: ${tech.title}`,
      text: `Tech stack – ${tech.title}${tech.category ? ` (${tech.category})` : ''}: ${tech.description}`,
      topic: 'skills',
      names: [tech.title],
      entry: { kind: 'tech', title: tech.title, category: tech.category ?? null, description: tech.description },
    });
  });

  portfolio.career.forEach((job, index) => {
    const company = companyOf(job.subtitle);
    facts.push({
      id: `career-${index}`,
      source: 'career',
      label: `Career: ${company}`,
      text:
        `Career – ${job.title} at ${job.subtitle} (${job.year}): ${job.description}` +
        (job.bulletPoints.length > 0 ? ` ${job.bulletPoints.join(' ')}` : '') +
        (job.techStack.length > 0 ? ` Stack: ${job.techStack.join(', ')}.` : '') +
        (job.keyProjects.length > 0 ? ` Key projects: ${job.keyProjects.join(', ')}.` : ''),
      topic: 'career',
      names: [company, ...job.keyProjects, ...job.projectList.map((item) => item.name)],
      entry: {
        kind: 'career',
        year: job.year,
        title: job.title,
        company,
        description: job.description,
        techStack: job.techStack,
        highlights: job.bulletPoints,
      },
    });
  });

  portfolio.projects.forEach((project, index) => {
    facts.push({
      id: `project-${index}`,
      source: 'project',
      label: `Project: ${project.name}`,
      text:
        `Project – ${project.name}${project.year ? ` (${project.year})` : ''}: ${project.description}` +
        (project.techStack.length > 0 ? ` Built with ${project.techStack.join(', ')}.` : '') +
        (project.url ? ` Live: ${project.url}.` : '') +
        (project.repoUrl ? ` Code: ${project.repoUrl}.` : ''),
      topic: 'projects',
      names: [project.name],
      entry: { kind: 'project', ...project },
    });
  });

  // The owner's own answers to questions visitors asked: a question found by its words gets the answer as written.
  publishedQa(portfolio).forEach((pair, index) => {
    facts.push({
      id: `qa-${index}`,
      source: 'qa',
      label: `Q&A: ${pair.question}`,
      text: `Q&A – ${pair.question} ${pair.answer}`,
      topic: topicsOf(pair.question)[0] ?? 'about',
      names: [pair.question],
      entry: { kind: 'qa', question: pair.question, answer: pair.answer, language: pair.language ?? null },
    });
  });
  return facts;
}
