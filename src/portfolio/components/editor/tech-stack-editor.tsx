'use client';

import { Field, TextInput } from '@/ui/field';
import { withTechStackDefaults } from '@/portfolio/schema';
import { Monogram } from '../monogram';
import { emptyTechItem, fieldId, type DraftTechItem } from './draft';
import { DraftField } from './draft-field';
import { useEditorErrors } from './errors-context';
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
        items={items}
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
        {(item, index, update) => (
          <div className="grid gap-4 sm:grid-cols-2">
            <DraftField path={`techStack.${index}.title`} label="Name" required value={item.title} onChange={(title) => update({ title })} placeholder="TypeScript" />
            <DraftField
              path={`techStack.${index}.category`}
              label="Category"
              value={item.category}
              onChange={(category) => update({ category })}
              list="tech-categories"
              hint="Tiles are grouped by category, in the order they first appear."
            />
            <DraftField
              className="sm:col-span-2"
              path={`techStack.${index}.description`}
              label="Description"
              required
              multiline
              rows={2}
              value={item.description}
              onChange={(description) => update({ description })}
            />
            <ColourField
              path={`techStack.${index}.iconColor`}
              label="Badge text colour"
              value={item.iconColor}
              fallback={badgeColours(item).iconColor}
              onChange={(iconColor) => update({ iconColor })}
            />
            <ColourField
              path={`techStack.${index}.bgColor`}
              label="Badge background"
              value={item.bgColor}
              fallback={badgeColours(item).bgColor}
              onChange={(bgColor) => update({ bgColor })}
            />
            <DraftField
              path={`techStack.${index}.iconName`}
              label="Icon name"
              value={item.iconName}
              onChange={(iconName) => update({ iconName })}
              hint="Optional label kept with the item; leave empty to derive it from the name."
            />
            <div className="flex items-center gap-3 self-center">
              <Monogram title={item.title || '?'} {...badgeColours(item)} />
              <span className="text-xs text-slate-500">Badge preview</span>
            </div>
          </div>
        )}
      </ItemList>
      <datalist id="tech-categories">
        {categories.map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
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
  const { errors, clear } = useEditorErrors();
  const id = fieldId(path);
  const messages = errors[path];
  const set = (next: string) => {
    clear(path);
    onChange(next);
  };
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
