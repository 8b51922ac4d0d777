'use client';

import { Field, TextInput } from '@/ui/field';
import { withTechStackDefaults } from '@/portfolio/schema';
import { Monogram } from '../monogram';
import { emptyTechItem, type DraftTechItem } from './draft';
import { bindFields, DraftField, Suggestions, useDraftPath } from './draft-field';
import { ItemList } from './item-list';

type TechStackEditorProps = { items: DraftTechItem[]; onChange: (items: DraftTechItem[]) => void };

/** The colours the server will fill in for empty ones, so previews match the saved result. */
function badgeColours(item: DraftTechItem) {
  const fallback = withTechStackDefaults({ title: item.title.trim(), description: '' });
  return { iconColor: item.iconColor.trim() || fallback.iconColor, bgColor: item.bgColor.trim() || fallback.bgColor };
}

export function TechStackEditor({ items, onChange }: TechStackEditorProps) {
  const categories = Array.from(new Set(items.map((item) => item.category.trim()).filter(Boolean)));
  return (
    <>
      <ItemList
        value={items}
        onChange={onChange}
        path="techStack"
        noun="technology"
        describe={(item) => item.title}
        summary={(item) => item.category || 'No category'}
        leading={(item) => <Monogram title={item.title || '?'} {...badgeColours(item)} className="size-8 text-xs" />}
        create={() => emptyTechItem(items.at(-1)?.category ?? '')}
        testId="tech-stack-item"
        addTestId="add-tech-stack-item"
        max={200}
        emptyText="No technologies yet."
      >
        {(item, index, update) => {
          const field = bindFields(`techStack.${index}`, item, update);
          const colours = badgeColours(item);
          return (
            <div className="grid gap-4 sm:grid-cols-2">
              <DraftField {...field('title')} label="Name" required placeholder="TypeScript" />
              <DraftField {...field('category')} label="Category" list="tech-categories" hint="Tiles are grouped by category, in the order they first appear." />
              <DraftField {...field('description')} className="sm:col-span-2" label="Description" required multiline rows={2} />
              <ColourField {...field('iconColor')} label="Badge text colour" fallback={colours.iconColor} />
              <ColourField {...field('bgColor')} label="Badge background" fallback={colours.bgColor} />
              <DraftField {...field('iconName')} label="Icon name" hint="Optional label kept with the item; leave empty to derive it from the name." />
              <div className="flex items-center gap-3 self-center">
                <Monogram title={item.title || '?'} {...colours} />
                <span className="text-xs text-slate-500">Badge preview</span>
              </div>
            </div>
          );
        }}
      </ItemList>
      <Suggestions id="tech-categories" values={categories} />
    </>
  );
}

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** `<input type="color">` only takes #rrggbb. */
function toPickerValue(value: string, fallback: string): string {
  const hex = HEX.test(value.trim()) ? value.trim() : fallback;
  if (!HEX.test(hex)) return '#000000';
  if (hex.length === 4) return `#${Array.from(hex.slice(1), (digit) => digit + digit).join('')}`.toLowerCase();
  return hex.toLowerCase();
}

const colourHint = 'Hex such as #2563eb; empty picks a colour for you.';

/** A hex colour as text (what the API validates) beside a native colour picker. Empty means "pick one for me". */
function ColourField({
  path,
  label,
  value,
  fallback,
  onChange,
}: {
  path: string;
  label: string;
  value: string;
  /** What the server fills in when the field is empty. */
  fallback: string;
  onChange: (value: string) => void;
}) {
  const { id, messages, set } = useDraftPath(path, onChange);
  return (
    <Field id={id} label={label} errors={messages} hint={colourHint}>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label} picker`}
          value={toPickerValue(value, fallback)}
          onChange={(event) => set(event.target.value)}
          className="h-9 w-11 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
        />
        <TextInput id={id} errors={messages} hint={colourHint} value={value} onChange={(event) => set(event.target.value)} placeholder={fallback} spellCheck={false} />
      </div>
    </Field>
  );
}
