import { publishedQa, type PortfolioDocument, type Project } from '@/portfolio/schema';
import { topicsOf, type Topic } from './topics';
import { tokenize } from './language';

/**
 * The portfolio cut into small, self-contained facts: what the assistant
 * ranks against a question, quotes to a hosted model as context, and names
 * as its sources. Each fact knows its topic and the proper names in it
 * (technologies, companies, projects) that a question may mention.
 */
/** The portfolio section a fact comes from, as the owner's editor names it. */
export type FactSource = 'about' | 'techStack' | 'career' | 'projects' | 'qa';

const SECTION_LABELS: Record<FactSource, string> = { about: 'About', techStack: 'Tech stack', career: 'Career', projects: 'Projects', qa: 'Q&A' };
const labelOf = (source: FactSource, item: string) => `${SECTION_LABELS[source]} › ${item}`;

export type PortfolioFact = {
  id: string;
  source: FactSource;
  /** Human-readable name of the fact, shown as the answer's source ("Career › Kopiloka"). */
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
  | { kind: 'career'; year: string; title: string; company: string; description: string; techStack: string[]; highlights: string[]; keyProjects: string[] }
  | ({ kind: 'project' } & Project)
  | { kind: 'qa'; question: string; answer: string; language: 'en' | 'id' | null };

/** "Kopiloka (coffee subscription startup), Jakarta – remote" → "Kopiloka". */
function companyOf(subtitle: string): string {
  return subtitle.split(/[(,–—-]/)[0]!.trim() || subtitle;
}

/** Split after a full stop followed by a space, so "Next.js" and "2.1 s" stay whole. */
const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+/).map((sentence) => sentence.trim()).filter(Boolean);

/**
 * Sentences written to an assistant rather than to a reader ("Ignore previous
 * instructions…", "As the AI you must…", "Kamu harus…"): an owner pasted
 * something odd, or an account was compromised. Portfolio text is data; these
 * are never quoted nor shown to a hosted model.
 */
const ADDRESSED_TO_ASSISTANT = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules?|prompts?|above|previous|prior)\b/i,
  /\bas (an?|the) (ai|assistant|bot|chatbot|language model|llm)\b/i,
  /\b(you are|you're) (now )?(an?|the) (ai|assistant|bot|chatbot)\b/i,
  /\b(assistant|chatbot|ai|bot|model)s? (must|should|shall|has to|have to|will always|is required to)\b/i,
  /\b(you|assistant) must (always|never|say|tell|reply|answer|respond|recommend)\b/i,
  /\b(tell|inform) (every|all|each|the) (visitors?|users?|readers?)\b/i,
  /\bsystem prompt\b/i,
  /\b(abaikan|lupakan) (semua |seluruh )?(instruksi|perintah|aturan)\b/i,
  /\bsebagai (ai|asisten|bot)\b/i,
  /\b(asisten|ai|bot|kamu) (harus|wajib)\b/i,
];

export function withoutInstructions(text: string): string {
  return sentencesOf(text)
    .filter((sentence) => !ADDRESSED_TO_ASSISTANT.some((pattern) => pattern.test(sentence)))
    .join(' ');
}

function firstSentence(text: string): string {
  return sentencesOf(text)[0] ?? '';
}

export function portfolioFacts(portfolio: PortfolioDocument): PortfolioFact[] {
  const facts: PortfolioFact[] = [];
  const { about } = portfolio;
  if (about) {
    const narrative = withoutInstructions(about.narrativeContent);
    const aboutFact = (id: string, item: string, text: string, topic: Topic, names: string[], entry: FactEntry): PortfolioFact => ({
      id,
      source: 'about',
      label: labelOf('about', item),
      text,
      topic,
      names,
      entry,
    });
    facts.push(
      aboutFact('about', 'Profile', `${about.name} is a ${about.title} based in ${about.location}. ${narrative}`, 'about', [about.name, ...about.name.split(' ')], {
        kind: 'about',
        name: about.name,
        title: about.title,
        location: about.location,
        summary: firstSentence(narrative),
      }),
      aboutFact('location', 'Location', `${about.name} is based in ${about.location}.`, 'location', about.location.split(/,\s*/), {
        kind: 'location',
        name: about.name,
        location: about.location,
      }),
      aboutFact(
        'contact',
        'Contact',
        about.email
          ? `${about.name} can be reached by email at ${about.email}, or by leaving a message in this chat.`
          : `${about.name} can be reached by leaving a message in this chat.`,
        'contact',
        about.email ? [about.email] : [],
        { kind: 'contact', name: about.name, email: about.email ?? null },
      ),
    );
    const availability = about.availability && withoutInstructions(about.availability);
    if (availability) {
      facts.push(aboutFact('availability', 'Availability', `Availability: ${availability}`, 'availability', [], { kind: 'availability', name: about.name, availability }));
    }
    const values = about.coreValues.map(({ title, description }) => ({ title, description: withoutInstructions(description) }));
    if (values.length > 0) {
      facts.push(
        aboutFact(
          'values',
          'Core values',
          `Core values: ${values.map((value) => `${value.title} (${value.description})`).join('; ')}`,
          'values',
          values.map((value) => value.title),
          { kind: 'values', values },
        ),
      );
    }
    if (about.interests.length > 0) {
      facts.push(
        aboutFact('interests', 'Interests', `Interests: ${about.interests.join(', ')}.`, 'interests', about.interests, { kind: 'interests', interests: about.interests }),
      );
    }
  }

  portfolio.techStack.forEach((tech, index) => {
    const description = withoutInstructions(tech.description);
    facts.push({
      id: `tech-${index}`,
      source: 'techStack',
      label: labelOf('techStack', tech.title),
      text: `Tech stack – ${tech.title}${tech.category ? ` (${tech.category})` : ''}: ${description}`,
      topic: 'skills',
      names: [tech.title],
      entry: { kind: 'tech', title: tech.title, category: tech.category ?? null, description },
    });
  });

  portfolio.career.forEach((job, index) => {
    const company = companyOf(job.subtitle);
    const description = withoutInstructions(job.description);
    const highlights = job.bulletPoints.map(withoutInstructions).filter(Boolean);
    facts.push({
      id: `career-${index}`,
      source: 'career',
      label: labelOf('career', company),
      text:
        `Career – ${job.title} at ${job.subtitle} (${job.year}): ${description}` +
        (highlights.length > 0 ? ` ${highlights.join(' ')}` : '') +
        (job.techStack.length > 0 ? ` Stack: ${job.techStack.join(', ')}.` : '') +
        (job.keyProjects.length > 0 ? ` Key projects: ${job.keyProjects.join(', ')}.` : ''),
      topic: 'career',
      names: [company, ...job.keyProjects, ...job.projectList.map((item) => item.name)],
      entry: {
        kind: 'career',
        year: job.year,
        title: job.title,
        company,
        description,
        techStack: job.techStack,
        highlights,
        keyProjects: job.keyProjects,
      },
    });
  });

  portfolio.projects.forEach((project, index) => {
    const description = withoutInstructions(project.description);
    facts.push({
      id: `project-${index}`,
      source: 'projects',
      label: labelOf('projects', project.name),
      text:
        `Project – ${project.name}${project.year ? ` (${project.year})` : ''}: ${description}` +
        (project.techStack.length > 0 ? ` Built with ${project.techStack.join(', ')}.` : '') +
        (project.url ? ` Live: ${project.url}.` : '') +
        (project.repoUrl ? ` Code: ${project.repoUrl}.` : ''),
      topic: 'projects',
      names: [project.name],
      entry: { kind: 'project', ...project, description },
    });
  });

  // The owner's own answers to questions visitors asked: a question found by its words gets the answer as written.
  publishedQa(portfolio).forEach((pair, index) => {
    facts.push({
      id: `qa-${index}`,
      source: 'qa',
      label: labelOf('qa', pair.question),
      text: `Q&A – ${pair.question} ${pair.answer}`,
      topic: topicsOf(tokenize(pair.question))[0] ?? 'about',
      names: [pair.question],
      entry: { kind: 'qa', question: pair.question, answer: pair.answer, language: pair.language ?? null },
    });
  });
  return facts;
}
