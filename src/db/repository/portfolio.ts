import { asc, eq } from 'drizzle-orm';
import type { PortfolioDocument } from '@/portfolio/schema';
import type { Database, Db } from '../client';

export function createPortfolioRepository({ db, tables, transaction, insertReturningIds }: Database) {
  const { about, techStack, career, projects, portfolioQa } = tables;

  async function deleteAll(tx: Db) {
    await tx.delete(about);
    await tx.delete(techStack);
    await tx.delete(career);
    await tx.delete(projects);
    await tx.delete(portfolioQa);
  }

  return {
    async getPortfolio(): Promise<PortfolioDocument> {
      const [aboutRows, techRows, careerRows, projectRows, qaRows] = await Promise.all([
        db.select().from(about).orderBy(asc(about.id)).limit(1),
        db.select().from(techStack).orderBy(asc(techStack.sortOrder), asc(techStack.id)),
        db.select().from(career).orderBy(asc(career.sortOrder), asc(career.id)),
        db.select().from(projects).orderBy(asc(projects.sortOrder), asc(projects.id)),
        db.select().from(portfolioQa).orderBy(asc(portfolioQa.sortOrder), asc(portfolioQa.id)),
      ]);
      const owner = aboutRows[0];
      return {
        about: owner
          ? {
              name: owner.name,
              title: owner.title,
              location: owner.location,
              narrativeTitle: owner.narrativeTitle,
              narrativeContent: owner.narrativeContent,
              coreValues: owner.coreValues,
              interests: owner.interests,
              email: owner.email ?? undefined,
              availability: owner.availability ?? undefined,
            }
          : null,
        techStack: techRows.map((row) => ({
          title: row.title,
          description: row.description,
          category: row.category ?? undefined,
          iconName: row.iconName,
          iconColor: row.iconColor,
          bgColor: row.bgColor,
        })),
        career: careerRows.map((row) => ({
          year: row.year,
          title: row.title,
          subtitle: row.subtitle,
          description: row.description,
          techStack: row.techStack,
          keyProjects: row.keyProjects,
          projectList: row.projectList,
          bulletPoints: row.bulletPoints,
        })),
        projects: projectRows.map((row) => ({
          name: row.name,
          description: row.description,
          techStack: row.techStack,
          year: row.year ?? undefined,
          url: row.url ?? undefined,
          repoUrl: row.repoUrl ?? undefined,
        })),
        qa: qaRows.map((row) => ({
          question: row.question,
          answer: row.answer,
          language: row.language ?? undefined,
          published: row.published,
        })),
      };
    },

    /** Replaces the whole portfolio in one transaction; `isSample` marks seeded demo content. */
    async replacePortfolio({ document, isSample = false }: { document: PortfolioDocument; isSample?: boolean }) {
      const ordered = <T>(items: T[]) => items.map((item, sortOrder) => ({ ...item, sortOrder, isSample }));
      await transaction(async (tx) => {
        await deleteAll(tx);
        if (document.about) await insertReturningIds(about, [{ ...document.about, isSample }], tx);
        await insertReturningIds(techStack, ordered(document.techStack), tx);
        await insertReturningIds(career, ordered(document.career), tx);
        await insertReturningIds(projects, ordered(document.projects), tx);
        await insertReturningIds(portfolioQa, ordered(document.qa), tx);
      });
    },

    /** The owner's name from `about`, which labels their replies in the chat; null before it is written. */
    async getOwnerName(): Promise<string | null> {
      const [owner] = await db.select({ name: about.name }).from(about).orderBy(asc(about.id)).limit(1);
      return owner?.name ?? null;
    },

    async isPortfolioEmpty(): Promise<boolean> {
      const probes = await Promise.all([
        db.select({ id: about.id }).from(about).limit(1),
        db.select({ id: techStack.id }).from(techStack).limit(1),
        db.select({ id: career.id }).from(career).limit(1),
        db.select({ id: projects.id }).from(projects).limit(1),
        db.select({ id: portfolioQa.id }).from(portfolioQa).limit(1),
      ]);
      return probes.every((rows) => rows.length === 0);
    },

    async hasSamplePortfolioContent(): Promise<boolean> {
      const probes = await Promise.all([
        db.select({ id: about.id }).from(about).where(eq(about.isSample, true)).limit(1),
        db.select({ id: techStack.id }).from(techStack).where(eq(techStack.isSample, true)).limit(1),
        db.select({ id: career.id }).from(career).where(eq(career.isSample, true)).limit(1),
        db.select({ id: projects.id }).from(projects).where(eq(projects.isSample, true)).limit(1),
        db.select({ id: portfolioQa.id }).from(portfolioQa).where(eq(portfolioQa.isSample, true)).limit(1),
      ]);
      return probes.some((rows) => rows.length > 0);
    },

    /** Removes the seeded sample rows and keeps anything the owner wrote. */
    async removeSamplePortfolioContent(): Promise<void> {
      await transaction(async (tx) => {
        for (const table of [about, techStack, career, projects, portfolioQa]) {
          await tx.delete(table).where(eq(table.isSample, true));
        }
      });
    },
  };
}
