'use client';

import { Button } from '@/ui/button';
import { ValueIcon, valueIconNames } from '@/ui/icons';
import { emptyAbout, emptyCoreValue, type DraftAbout } from './draft';
import { bindFields, DraftField, Suggestions } from './draft-field';
import { useEditorErrors } from './errors-context';
import { ItemList } from './item-list';
import { TagsInput } from './tags-input';

type AboutEditorProps = { about: DraftAbout | null; onChange: (about: DraftAbout | null) => void };

export function AboutEditor({ about, onChange }: AboutEditorProps) {
  const { clear } = useEditorErrors();

  if (!about) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center">
        <p className="text-sm text-slate-600">
          There is no About section yet, so the home page has no introduction. Add one with your name and title.
        </p>
        <Button className="mt-3" variant="primary" size="sm" data-testid="add-about" onClick={() => onChange(emptyAbout())}>
          Add About section
        </Button>
      </div>
    );
  }

  const set = (patch: Partial<DraftAbout>) => onChange({ ...about, ...patch });
  const field = bindFields('about', about, set);

  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <DraftField {...field('name')} label="Name" required />
        <DraftField {...field('title')} label="Title" required placeholder="Full-Stack Developer" />
        <DraftField {...field('location')} label="Location" required placeholder="City, Country" />
        <DraftField {...field('email')} label="Contact email" type="email" hint="Optional. Shown as a mailto link in the contact section." />
        <DraftField {...field('narrativeTitle')} className="sm:col-span-2" label="Headline" required hint="One line under your name at the top of the page." />
        <DraftField {...field('narrativeContent')} className="sm:col-span-2" label="Your story" required multiline rows={7} hint="A blank line starts a new paragraph." />
        <DraftField
          {...field('availability')}
          className="sm:col-span-2"
          label="Availability"
          multiline
          rows={2}
          hint="Optional. For example: open to freelance work from January."
        />
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Core values</legend>
        <ItemList
          {...field('coreValues')}
          noun="core value"
          describe={(value) => value.title}
          summary={(value) => value.description}
          create={emptyCoreValue}
          testId="core-value-item"
          addTestId="add-core-value"
          max={20}
          emptyText="No core values yet. Two to four short ones work well."
        >
          {(value, index, update) => {
            const valueField = bindFields(`about.coreValues.${index}`, value, update);
            return (
              <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
                <div className="flex items-end gap-2">
                  <DraftField {...valueField('icon')} className="flex-1" label="Icon" list="value-icon-names" />
                  <span className="mb-1.5 inline-flex size-8 shrink-0 items-center justify-center rounded-md bg-indigo-50 text-indigo-600" aria-hidden="true">
                    <ValueIcon name={value.icon} />
                  </span>
                </div>
                <DraftField {...valueField('title')} label="Title" required />
                <DraftField {...valueField('description')} className="sm:col-span-2" label="Description" required multiline rows={2} />
              </div>
            );
          }}
        </ItemList>
        <Suggestions id="value-icon-names" values={valueIconNames} />
        <p className="text-xs text-slate-500">Icons: {valueIconNames.join(', ')}. Any other name shows a star.</p>
      </fieldset>

      <TagsInput {...field('interests')} label="Interests" placeholder="Type an interest and press Enter" hint="Press Enter or type a comma after each one." testId="interests-input" />

      <div className="border-t border-slate-100 pt-4">
        <Button
          variant="danger"
          size="sm"
          data-testid="remove-about"
          onClick={() => {
            if (!window.confirm('Remove the whole About section? The home page will have no introduction once you save.')) return;
            clear('about');
            onChange(null);
          }}
        >
          Remove About section
        </Button>
      </div>
    </div>
  );
}
