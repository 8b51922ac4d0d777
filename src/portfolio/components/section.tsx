import type { ReactNode } from 'react';
import { cx } from '@/ui/cx';

type SectionProps = {
  id: string;
  eyebrow: string;
  title: string;
  intro?: ReactNode;
  tinted?: boolean;
  children: ReactNode;
};

/** One band of the home page: an anchor target with an eyebrow, a heading and content in the page column. */
export function Section({ id, eyebrow, title, intro, tinted, children }: SectionProps) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className={cx('scroll-mt-16 py-16 sm:py-24', tinted && 'bg-slate-50 dark:bg-slate-900/40')}
    >
      <div className="mx-auto max-w-5xl px-5 sm:px-6">
        <p className="text-sm font-semibold uppercase tracking-widest text-indigo-600 dark:text-indigo-400">{eyebrow}</p>
        <h2 id={`${id}-title`} className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">
          {title}
        </h2>
        {intro ? <div className="mt-4 max-w-2xl text-base text-slate-600 dark:text-slate-400">{intro}</div> : null}
        <div className="mt-10 sm:mt-12">{children}</div>
      </div>
    </section>
  );
}

/** Small rounded labels: technologies, interests. */
export function TagList({ tags, label, size = 'sm' }: { tags: string[]; label: string; size?: 'sm' | 'md' }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {tags.map((tag) => (
        <li
          key={tag}
          className={cx(
            'rounded-full font-medium',
            size === 'md'
              ? 'border border-slate-200 bg-white px-4 py-1.5 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200'
              : 'bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300',
          )}
        >
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** Text with blank lines as paragraph breaks and single newlines kept. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <div className={cx('space-y-4', className)}>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="whitespace-pre-line">
          {paragraph}
        </p>
      ))}
    </div>
  );
}
