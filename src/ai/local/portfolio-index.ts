import { createHash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import type { PortfolioDocument } from '@/portfolio/schema';
import { normalize, STOPWORDS, toToken, tokenize, words, type Token } from '../language';
import { portfolioFacts, type FactEntry, type PortfolioFact } from '../portfolio-facts';
import { cueWords } from '../topics';
import { qaPairsOf, type QaPair } from './qa-match';

/**
 * Everything the built-in assistant looks things up in, built once per
 * portfolio version: the facts, the career as a timeline, every technology
 * with each place it appears (the stack, each job, each project), the names
 * a message can mention, and the vocabulary typos are corrected against.
 */

type CareerEntry = Extract<FactEntry, { kind: 'career' }>;
type ProjectEntry = Extract<FactEntry, { kind: 'project' }>;
type TechEntry = Extract<FactEntry, { kind: 'tech' }>;

export type Job = CareerEntry & { fact: PortfolioFact; start: number | null; end: number | null; current: boolean };
export type ProjectItem = ProjectEntry & { fact: PortfolioFact; startYear: number | null };
export type Technology = {
  title: string;
  /** The tech-stack entry, when the technology has one (it may only appear in a job or a project). */
  stack: (TechEntry & { fact: PortfolioFact }) | null;
  jobs: Job[];
  projects: ProjectItem[];
};

export type Entity = { kind: 'job'; job: Job } | { kind: 'project'; project: ProjectItem } | { kind: 'tech'; tech: Technology };

export type PortfolioIndex = {
  ownerName: string;
  facts: PortfolioFact[];
  /** Newest first; the current job, when one is marked "now", at the top. */
  jobs: Job[];
  /** Newest first. */
  projects: ProjectItem[];
  technologies: Technology[];
  /** Normalised name (words joined by spaces) → the things it names. */
  names: Map<string, Entity[]>;
  longestName: number;
  /** Names shorter than three letters ("Go", "C"): a lower-case "go" in English is the verb. */
  shortNames: Set<string>;
  /** Every word and stem of every fact, with the facts using it: a content word outside it is something the portfolio never mentions. */
  known: Map<string, PortfolioFact[]>;
  /** Words a misspelt word is corrected to, by first letter. */
  vocabulary: Map<string, string[]>;
  profileLinks: { github: string | null; linkedin: string | null };
  contact: PortfolioFact | null;
  /** The owner's published Q&A pairs, with their questions' content words. */
  qa: QaPair[];
};

const PRESENT = /\b(now|present|current|today|ongoing|sekarang|kini|saat ini|sampai sekarang)\b/i;

function period(year: string): { start: number | null; end: number | null; current: boolean } {
  const years = (year.match(/\b(19|20)\d{2}\b/g) ?? []).map(Number);
  const current = PRESENT.test(year);
  return { start: years[0] ?? null, end: current ? null : (years.at(-1) ?? null), current };
}

/** Usual short forms of technology names a visitor types instead of the full one. */
const TECH_ALIASES: Record<string, string[]> = {
  nodejs: ['node'], postgresql: ['postgres', 'psql'], go: ['golang'], typescript: ['ts'], javascript: ['js'],
  kubernetes: ['k8s'], vuejs: ['vue'], nuxtjs: ['nuxt'], expressjs: ['express'], mongodb: ['mongo'],
  tailwindcss: ['tailwind'], reactjs: ['react'], react: ['reactjs'], amazonwebservices: ['aws'], aws: ['amazon web services'],
};

const compact = (name: string) => normalize(name).replace(/ /g, '');

const PROFILE = { github: /^https?:\/\/(www\.)?github\.com\/([^/\s]+)/i, linkedin: /linkedin\.com\//i };

let cached: { key: string; index: PortfolioIndex } | null = null;
const fingerprints = new WeakMap<PortfolioDocument, string>();

/** Names a portfolio's content: equal documents, equal fingerprints. Hashed once per document object (a cached portfolio is the same object every time). */
export function portfolioFingerprint(portfolio: PortfolioDocument): string {
  let fingerprint = fingerprints.get(portfolio);
  if (!fingerprint) fingerprints.set(portfolio, (fingerprint = createHash('sha1').update(JSON.stringify(portfolio)).digest('base64')));
  return fingerprint;
}

/**
 * The index for this portfolio, rebuilt only when its content changed since
 * the last call (the owner saved). The cached portfolio is one object until
 * it changes (src/portfolio/server/portfolio-cache.ts), so a question costs
 * not even a fingerprint; a new object with the same content (the cache
 * read it again) costs one, not a build.
 */
export function portfolioIndex(portfolio: PortfolioDocument): PortfolioIndex {
  const key = portfolioFingerprint(portfolio);
  if (cached?.key !== key) cached = { key, index: buildPortfolioIndex(portfolio) };
  return cached.index;
}

export function buildPortfolioIndex(portfolio: PortfolioDocument): PortfolioIndex {
  const facts = portfolioFacts(portfolio);
  const jobs: Job[] = [];
  const projects: ProjectItem[] = [];
  const technologies = new Map<string, Technology>();
  const techFor = (title: string) => {
    const id = compact(title);
    let tech = technologies.get(id);
    if (!tech) technologies.set(id, (tech = { title, stack: null, jobs: [], projects: [] }));
    return tech;
  };
  for (const fact of facts) {
    const { entry } = fact;
    if (entry.kind === 'career') jobs.push({ ...entry, fact, ...period(entry.year) });
    if (entry.kind === 'project') projects.push({ ...entry, fact, startYear: period(entry.year ?? '').start });
    if (entry.kind === 'tech') techFor(entry.title).stack = { ...entry, fact };
  }
  // Newest first; the portfolio's own order breaks ties and orders undated entries.
  const newer = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity);
  jobs.sort((a, b) => Number(b.current) - Number(a.current) || newer(a.start, b.start));
  projects.sort((a, b) => newer(a.startYear, b.startYear));
  for (const job of jobs) for (const title of job.techStack) techFor(title).jobs.push(job);
  for (const project of projects) for (const title of project.techStack) techFor(title).projects.push(project);

  const names = new Map<string, Entity[]>();
  const shortNames = new Set<string>();
  const addName = (name: string, entity: Entity) => {
    const normalized = normalize(name);
    // A career entry called "Freelance" names nothing in particular: the word says what is asked.
    if (!normalized || STOPWORDS.has(normalized) || CUE_WORDS.has(normalized)) return;
    if (normalized.length < 3) shortNames.add(normalized);
    const list = names.get(normalized) ?? [];
    if (!list.includes(entity)) names.set(normalized, [...list, entity]);
  };
  /** "Warung POS" is also "Warung", "Tailwind CSS" also "Tailwind": a distinctive first word names the whole. */
  const addFirstWord = (name: string, entity: Entity) => {
    const [first, ...rest] = words(name);
    if (first && rest.length > 0 && first.length >= 5 && !names.has(first) && !STOPWORDS.has(first) && !CUE_WORDS.has(first)) addName(first, entity);
  };
  for (const job of jobs) {
    const entity: Entity = { kind: 'job', job };
    for (const name of job.fact.names) addName(name, entity);
    addFirstWord(job.company, entity);
  }
  for (const project of projects) {
    const entity: Entity = { kind: 'project', project };
    addName(project.name, entity);
    addFirstWord(project.name, entity);
  }
  for (const [id, tech] of technologies) {
    const entity: Entity = { kind: 'tech', tech };
    addName(tech.title, entity);
    addName(id, entity);
    addFirstWord(tech.title, entity);
    for (const alias of TECH_ALIASES[id] ?? []) addName(alias, entity);
  }

  const known = new Map<string, PortfolioFact[]>();
  const vocabularyWords = new Set<string>(CUE_WORDS);
  for (const fact of facts) {
    for (const token of tokenize(`${fact.text} ${fact.names.join(' ')}`)) {
      for (const key of [token.word, token.en, token.id]) {
        const list = known.get(key) ?? [];
        if (list.at(-1) !== fact) known.set(key, [...list, fact]);
      }
    }
  }
  for (const name of names.keys()) for (const word of name.split(' ')) vocabularyWords.add(word);
  const vocabulary = new Map<string, string[]>();
  for (const word of vocabularyWords) {
    if (word.length < MIN_CORRECTED_LENGTH) continue;
    vocabulary.set(word[0]!, [...(vocabulary.get(word[0]!) ?? []), word]);
  }

  const repoUrls = projects.flatMap((project) => [project.repoUrl, project.url]).filter((url): url is string => Boolean(url));
  const githubUser = repoUrls.map((url) => PROFILE.github.exec(url)?.[2]).find(Boolean);
  return {
    ownerName: portfolio.about?.name ?? 'the owner',
    facts,
    jobs,
    projects,
    technologies: [...technologies.values()],
    names,
    longestName: Math.max(1, ...[...names.keys()].map((name) => name.split(' ').length)),
    shortNames,
    known,
    vocabulary,
    profileLinks: {
      github: githubUser ? `https://github.com/${githubUser}` : null,
      linkedin: repoUrls.find((url) => PROFILE.linkedin.test(url)) ?? null,
    },
    contact: facts.find((fact) => fact.id === 'contact') ?? null,
    qa: qaPairsOf(facts),
  };
}

const CUE_WORDS = new Set(cueWords().map((token) => token.word));
for (const word of STOPWORDS) CUE_WORDS.add(word);

/** Shorter words have too many neighbours one letter away to correct safely ("rust" is not "rest"). */
const MIN_CORRECTED_LENGTH = 4;

/**
 * A message's words with misspellings corrected against the portfolio's and
 * the question cues' vocabulary ("lastest projet" → "latest project"): one
 * edit for words up to five letters, two for longer ones. Words the index
 * already knows are left alone.
 */
export function correctTypos(tokens: Token[], index: PortfolioIndex): Token[] {
  return tokens.map((token) => {
    const { word } = token;
    if (word.length < MIN_CORRECTED_LENGTH || CUE_WORDS.has(word) || index.known.has(word) || index.known.has(token.en) || index.known.has(token.id) || /\d/.test(word)) {
      return token;
    }
    const allowed = word.length >= 6 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = allowed + 1;
    for (const candidate of index.vocabulary.get(word[0]!) ?? []) {
      if (Math.abs(candidate.length - word.length) > allowed) continue;
      const edits = distance(word, candidate);
      if (edits < bestDistance) [best, bestDistance] = [candidate, edits];
    }
    return best ? toToken(best) : token;
  });
}
