import { asc, eq } from 'drizzle-orm';
import type { PortfolioDocument } from '@/portfolio/schema';
import type { Database, Db } from '../client';
import { columnsWithout } from './select';

/** Columns of the portfolio tables that are not part of the document. */
const bookkeeping = ['id', 'isSample', 'createdAt', 'updatedAt'] as const;
const listBookkeeping = [...bookkeeping, 'sortOrder'] as const;

type OptionalFields<T> = { [K in keyof T]: null extends T[K] ? Exclude<T[K], null> | undefined : T[K] };

/** The document leaves an empty optional field out, where the table stores NULL. */
function optionalFields<T extends object>(row: T): OptionalFields<T> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value ?? undefined])) as OptionalFields<T>;
}

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
        db.select(columnsWithout(about, bookkeeping)).from(about).orderBy(asc(about.id)).limit(1),
        db.select(columnsWithout(techStack, listBookkeeping)).from(techStack).orderBy(asc(techStack.sortOrder), asc(techStack.id)),
        db.select(columnsWithout(career, listBookkeeping)).from(career).orderBy(asc(career.sortOrder), asc(career.id)),
        db.select(columnsWithout(projects, listBookkeeping)).from(projects).orderBy(asc(projects.sortOrder), asc(projects.id)),
        db.select(columnsWithout(portfolioQa, listBookkeeping)).from(portfolioQa).orderBy(asc(portfolioQa.sortOrder), asc(portfolioQa.id)),
      ]);
      return {
        about: aboutRows[0] ? optionalFields(aboutRows[0]) : null,
        techStack: techRows.map(optionalFields),
        career: careerRows,
        projects: projectRows.map(optionalFields),
        qa: qaRows.map(optionalFields),
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
