import { z } from 'zod';

/**
 * The portfolio as one JSON document: what GET/PUT /api/admin/portfolio,
 * portfolio:import/export and the admin editor exchange. Field names follow
 * the plan's tables; array order is display order.
 */

const text = () => z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') });
const line = (max: number) => text().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
/** Optional text; an empty string counts as left out. */
const optionalLine = (max: number) =>
  text()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => value || undefined)
    .optional();
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `must have at most ${max} items`).default([]);
const tag = line(100);
const hexColor = z
  .string()
  .trim()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #2563eb');
const webUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), 'must be an http(s) URL')
  .optional()
  .or(z.literal('').transform(() => undefined));

export const coreValueSchema = z.object({
  icon: line(50).default('star'),
  title: line(255),
  description: line(1000),
});

export const aboutSchema = z.object({
  name: line(255),
  title: line(255),
  location: line(255),
  narrativeTitle: line(255),
  narrativeContent: line(10_000),
  coreValues: list(coreValueSchema, 20),
  interests: list(tag, 30),
  email: z
    .string()
    .trim()
    .max(255)
    .pipe(z.email('must be a valid email address'))
    .optional()
    .or(z.literal('').transform(() => undefined)),
  availability: optionalLine(1000),
});

export const techStackItemSchema = z.object({
  title: line(255),
  description: line(2000),
  category: optionalLine(100),
  iconName: optionalLine(255),
  iconColor: hexColor.optional(),
  bgColor: hexColor.optional(),
});

export const careerEntrySchema = z.object({
  year: line(100),
  title: line(255),
  subtitle: line(255),
  description: line(5000),
  techStack: list(tag, 40),
  keyProjects: list(line(255), 20),
  projectList: list(z.object({ name: line(255), type: optionalLine(100) }), 40),
  bulletPoints: list(line(1000), 30),
});

export const projectSchema = z.object({
  name: line(255),
  description: line(5000),
  techStack: list(tag, 40),
  year: optionalLine(50),
  url: webUrl,
  repoUrl: webUrl,
});

/** A question visitors ask and the owner's answer; `language` (en/id) when it is written in one, left out for any. */
export const qaEntrySchema = z.object({
  question: line(500),
  answer: line(5000),
  language: z
    .enum(['en', 'id'], 'must be en or id')
    .optional()
    .or(z.literal('').transform(() => undefined))
    .or(z.null().transform(() => undefined)),
  published: z.boolean('must be true or false').default(true),
});

export const portfolioDocumentSchema = z.object({
  about: aboutSchema.nullable(),
  techStack: list(techStackItemSchema, 200),
  career: list(careerEntrySchema, 100),
  projects: list(projectSchema, 200),
  qa: list(qaEntrySchema, 200),
});

/** What callers send: colours, icons and lists may be left out. */
export type PortfolioDocumentInput = z.input<typeof portfolioDocumentSchema>;
/** What validation yields. */
export type ValidPortfolioDocument = z.output<typeof portfolioDocumentSchema>;

/** What the repository returns and stores: every default filled in. */
export type About = z.output<typeof aboutSchema>;
export type TechStackItem = Omit<z.output<typeof techStackItemSchema>, 'iconName' | 'iconColor' | 'bgColor'> & {
  iconName: string;
  iconColor: string;
  bgColor: string;
};
export type CareerEntry = z.output<typeof careerEntrySchema>;
export type Project = z.output<typeof projectSchema>;
export type QaEntry = z.output<typeof qaEntrySchema>;
export type PortfolioDocument = {
  about: About | null;
  techStack: TechStackItem[];
  career: CareerEntry[];
  projects: Project[];
  qa: QaEntry[];
};

/** The Q&A pairs visitors may see ("People ask", the chat's suggestions), in the owner's order. */
export const publishedQa = (portfolio: Pick<PortfolioDocument, 'qa'>) => portfolio.qa.filter((entry) => entry.published);

const palette = [
  { iconColor: '#2563eb', bgColor: '#dbeafe' },
  { iconColor: '#059669', bgColor: '#d1fae5' },
  { iconColor: '#d97706', bgColor: '#fef3c7' },
  { iconColor: '#7c3aed', bgColor: '#ede9fe' },
  { iconColor: '#db2777', bgColor: '#fce7f3' },
  { iconColor: '#0891b2', bgColor: '#cffafe' },
  { iconColor: '#dc2626', bgColor: '#fee2e2' },
  { iconColor: '#4b5563', bgColor: '#f3f4f6' },
] as const;

/** A stable colour pair per title, so an item keeps its colours across saves. */
function paletteFor(title: string) {
  let hash = 0;
  for (const char of title.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}

export function slugifyIconName(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'code'
  );
}

export function withTechStackDefaults(item: z.output<typeof techStackItemSchema>): TechStackItem {
  const colours = paletteFor(item.title);
  return {
    ...item,
    iconName: item.iconName ?? slugifyIconName(item.title),
    iconColor: item.iconColor ?? colours.iconColor,
    bgColor: item.bgColor ?? colours.bgColor,
  };
}

export function normalizePortfolio(document: ValidPortfolioDocument): PortfolioDocument {
  return { ...document, techStack: document.techStack.map(withTechStackDefaults) };
}
