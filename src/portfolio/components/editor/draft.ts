import { portfolioDocumentSchema, type PortfolioDocument, type PortfolioDocumentInput } from '@/portfolio/schema';
import type { FieldErrors } from './api';

export type { FieldErrors } from './api';

/**
 * The editor's working copy of the portfolio. Every text field is a string
 * ('' when left out) so inputs stay controlled, and every list item carries a
 * client-only `key` so React keeps each row's DOM (and focus) when rows move.
 * Keys never leave the browser: `toDocumentInput` strips them.
 */
export type Keyed<T> = T & { key: string };
export type DraftLine = Keyed<{ value: string }>;
export type DraftCoreValue = Keyed<{ icon: string; title: string; description: string }>;
export type DraftAbout = {
  name: string;
  title: string;
  location: string;
  narrativeTitle: string;
  narrativeContent: string;
  coreValues: DraftCoreValue[];
  interests: string[];
  email: string;
  availability: string;
};
export type DraftTechItem = Keyed<{
  title: string;
  description: string;
  category: string;
  iconName: string;
  iconColor: string;
  bgColor: string;
}>;
export type DraftProjectRef = Keyed<{ name: string; type: string }>;
export type DraftCareerEntry = Keyed<{
  year: string;
  title: string;
  subtitle: string;
  description: string;
  techStack: string[];
  keyProjects: DraftLine[];
  projectList: DraftProjectRef[];
  bulletPoints: DraftLine[];
}>;
export type DraftProject = Keyed<{
  name: string;
  description: string;
  techStack: string[];
  year: string;
  url: string;
  repoUrl: string;
}>;
/** `language` '' means "any language". */
export type DraftQaEntry = Keyed<{ question: string; answer: string; language: '' | 'en' | 'id'; published: boolean }>;
export type Draft = {
  about: DraftAbout | null;
  techStack: DraftTechItem[];
  career: DraftCareerEntry[];
  projects: DraftProject[];
  qa: DraftQaEntry[];
};

let nextKey = 0;
export const newKey = () => `k${(nextKey += 1)}`;

const line = (value: string): DraftLine => ({ key: newKey(), value });

export const emptyAbout = (): DraftAbout => ({
  name: '',
  title: '',
  location: '',
  narrativeTitle: '',
  narrativeContent: '',
  coreValues: [],
  interests: [],
  email: '',
  availability: '',
});
export const emptyCoreValue = (): DraftCoreValue => ({ key: newKey(), icon: 'star', title: '', description: '' });
export const emptyTechItem = (category = ''): DraftTechItem => ({
  key: newKey(),
  title: '',
  description: '',
  category,
  iconName: '',
  iconColor: '',
  bgColor: '',
});
export const emptyCareerEntry = (): DraftCareerEntry => ({
  key: newKey(),
  year: '',
  title: '',
  subtitle: '',
  description: '',
  techStack: [],
  keyProjects: [],
  projectList: [],
  bulletPoints: [],
});
export const emptyProject = (): DraftProject => ({
  key: newKey(),
  name: '',
  description: '',
  techStack: [],
  year: '',
  url: '',
  repoUrl: '',
});
export const emptyQaEntry = (): DraftQaEntry => ({ key: newKey(), question: '', answer: '', language: '', published: true });
export const emptyLine = (): DraftLine => line('');
export const emptyProjectRef = (): DraftProjectRef => ({ key: newKey(), name: '', type: '' });

export function toDraft(document: PortfolioDocument): Draft {
  const { about } = document;
  return {
    about: about
      ? {
          ...about,
          coreValues: about.coreValues.map((value) => ({ key: newKey(), ...value })),
          interests: [...about.interests],
          email: about.email ?? '',
          availability: about.availability ?? '',
        }
      : null,
    techStack: document.techStack.map((item) => ({
      key: newKey(),
      title: item.title,
      description: item.description,
      category: item.category ?? '',
      iconName: item.iconName,
      iconColor: item.iconColor,
      bgColor: item.bgColor,
    })),
    career: document.career.map((entry) => ({
      key: newKey(),
      year: entry.year,
      title: entry.title,
      subtitle: entry.subtitle,
      description: entry.description,
      techStack: [...entry.techStack],
      keyProjects: entry.keyProjects.map(line),
      projectList: entry.projectList.map((ref) => ({ key: newKey(), name: ref.name, type: ref.type ?? '' })),
      bulletPoints: entry.bulletPoints.map(line),
    })),
    projects: document.projects.map((project) => ({
      key: newKey(),
      name: project.name,
      description: project.description,
      techStack: [...project.techStack],
      year: project.year ?? '',
      url: project.url ?? '',
      repoUrl: project.repoUrl ?? '',
    })),
    qa: document.qa.map((entry) => ({
      key: newKey(),
      question: entry.question,
      answer: entry.answer,
      language: entry.language ?? '',
      published: entry.published,
    })),
  };
}

/** An empty colour means "let the server pick one"; '' itself would not be a valid hex colour. */
const colour = (value: string) => (value.trim() ? value.trim() : undefined);

/** The JSON body of PUT /api/admin/portfolio. */
export function toDocumentInput(draft: Draft): PortfolioDocumentInput {
  const { about } = draft;
  return {
    // The draft's about has no keys of its own to strip; its core values do.
    about: about ? { ...about, coreValues: about.coreValues.map(({ icon, title, description }) => ({ icon, title, description })) } : null,
    techStack: draft.techStack.map(({ title, description, category, iconName, iconColor, bgColor }) => ({
      title,
      description,
      category,
      iconName,
      iconColor: colour(iconColor),
      bgColor: colour(bgColor),
    })),
    career: draft.career.map((entry) => ({
      year: entry.year,
      title: entry.title,
      subtitle: entry.subtitle,
      description: entry.description,
      techStack: entry.techStack,
      keyProjects: entry.keyProjects.map(({ value }) => value),
      projectList: entry.projectList.map(({ name, type }) => ({ name, type })),
      bulletPoints: entry.bulletPoints.map(({ value }) => value),
    })),
    projects: draft.projects.map(({ name, description, techStack, year, url, repoUrl }) => ({
      name,
      description,
      techStack,
      year,
      url,
      repoUrl,
    })),
    qa: draft.qa.map(({ question, answer, language, published }) => ({ question, answer, language, published })),
  };
}

/** A comparable fingerprint of a draft's content (keys excluded), for the dirty check. */
export const fingerprint = (draft: Draft) => JSON.stringify(toDocumentInput(draft));


/**
 * Runs the server's own schema in the browser so obvious mistakes are shown
 * before a round trip. The server validates again and has the last word.
 */
export function validateDraft(draft: Draft): FieldErrors {
  const result = portfolioDocumentSchema.safeParse(toDocumentInput(draft));
  if (result.success) return {};
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Drops the errors at `path` and below it (a list's own error and its items' errors). */
export function clearErrors(errors: FieldErrors, path: string): FieldErrors {
  let changed = false;
  const next: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (key === path || key.startsWith(`${path}.`)) changed = true;
    else next[key] = messages;
  }
  return changed ? next : errors;
}

/**
 * Keeps errors attached to their rows when a list changes shape: `moves`
 * maps an old index to its new index, or to null when the row was deleted.
 * Indexes not in `moves` stay where they are.
 */
export function remapErrors(errors: FieldErrors, listPath: string, moves: Map<number, number | null>): FieldErrors {
  const prefix = `${listPath}.`;
  const next: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (!key.startsWith(prefix)) {
      next[key] = messages;
      continue;
    }
    const [indexText = '', ...rest] = key.slice(prefix.length).split('.');
    const index = Number(indexText);
    if (!Number.isInteger(index) || !moves.has(index)) {
      next[key] = messages;
      continue;
    }
    const target = moves.get(index);
    if (target === null || target === undefined) continue;
    next[[listPath, String(target), ...rest].join('.')] = messages;
  }
  return next;
}

/** Human labels for the summary list: "career.0.title" → "Career #1 › Title". */
const sectionLabels: Record<string, string> = {
  about: 'About',
  techStack: 'Tech stack',
  career: 'Career',
  projects: 'Projects',
  qa: 'Q&A',
  coreValues: 'Core value',
  interests: 'Interests',
  keyProjects: 'Key project',
  projectList: 'Project list',
  bulletPoints: 'Bullet point',
  narrativeTitle: 'Headline',
  narrativeContent: 'Your story',
  email: 'Contact email',
  subtitle: 'Company and place',
  iconColor: 'Badge text colour',
  bgColor: 'Badge background',
  url: 'Website',
  repoUrl: 'Source code',
};

export function describePath(path: string): string {
  const parts: string[] = [];
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment) && parts.length > 0) parts[parts.length - 1] += ` #${Number(segment) + 1}`;
    else parts.push(sectionLabels[segment] ?? segment.replace(/([A-Z])/g, ' $1').toLowerCase().replace(/^./, (c) => c.toUpperCase()));
  }
  return parts.join(' › ');
}

/** A DOM id derived from a document path; used to link the error summary to inputs. */
export const fieldId = (path: string) => `field-${path.replace(/\./g, '-')}`;
