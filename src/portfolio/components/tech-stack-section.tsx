import type { TechStackItem } from '@/portfolio/schema';
import { Monogram } from './monogram';
import { Section } from './section';

const OTHER = 'Other';

/** Items grouped by category, groups in the order their first item appears. */
function groupByCategory(items: TechStackItem[]) {
  const groups = new Map<string, TechStackItem[]>();
  for (const item of items) {
    const category = item.category?.trim() || OTHER;
    const group = groups.get(category);
    if (group) group.push(item);
    else groups.set(category, [item]);
  }
  return Array.from(groups, ([category, groupItems]) => ({ category, items: groupItems }));
}

export function TechStackSection({ items }: { items: TechStackItem[] }) {
  const groups = groupByCategory(items);
  const single = groups.length === 1;
  return (
    <Section id="stack" eyebrow="Tech stack" title="Tools I work with">
      <div className="space-y-12">
        {groups.map((group) => (
          <div key={group.category}>
            {single && group.category === OTHER ? null : (
              <h3 className="mb-4 text-xs font-semibold uppercase tracking-widest text-slate-500 dark:text-slate-400">{group.category}</h3>
            )}
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {group.items.map((item, index) => (
                <li
                  key={`${item.title}-${index}`}
                  className="flex gap-4 rounded-xl border border-slate-200 bg-white p-4 transition hover:border-slate-300 hover:shadow-sm dark:border-slate-800 dark:bg-slate-900 dark:hover:border-slate-700"
                >
                  <Monogram title={item.title} iconColor={item.iconColor} bgColor={item.bgColor} />
                  <div className="min-w-0">
                    <p className="font-semibold text-slate-900 dark:text-white">{item.title}</p>
                    <p className="mt-0.5 text-sm leading-snug text-slate-600 dark:text-slate-400">{item.description}</p>
                  </div>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Section>
  );
}
