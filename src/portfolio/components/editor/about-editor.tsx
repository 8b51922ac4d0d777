'use client';

import { Button } from '@/ui/button';
import { ValueIcon, valueIconNames } from '@/ui/icons';
import { emptyAbout, emptyCoreValue, type DraftAbout } from './draft';
import { DraftField } from './draft-field';
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

  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <DraftField path="about.name" label="Name" required value={about.name} onChange={(name) => set({ name })} />
        <DraftField path="about.title" label="Title" required value={about.title} onChange={(title) => set({ title })} placeholder="Full-Stack Developer" />
        <DraftField path="about.location" label="Location" required value={about.location} onChange={(location) => set({ location })} placeholder="City, Country" />
        <DraftField path="about.email" label="Contact email" type="email" value={about.email} onChange={(email) => set({ email })} hint="Optional. Shown as a mailto link in the contact section." />
        <DraftField
          className="sm:col-span-2"
          path="about.narrativeTitle"
          label="Headline"
          required
          value={about.narrativeTitle}
          onChange={(narrativeTitle) => set({ narrativeTitle })}
          hint="One line under your name at the top of the page."
        />
        <DraftField
          className="sm:col-span-2"
          path="about.narrativeContent"
          label="Your story"
          required
          multiline
          rows={7}
          value={about.narrativeContent}
          onChange={(narrativeContent) => set({ narrativeContent })}
          hint="A blank line starts a new paragraph."
        />
        <DraftField
          className="sm:col-span-2"
          path="about.availability"
          label="Availability"
          multiline
          rows={2}
          value={about.availability}
          onChange={(availability) => set({ availability })}
          hint="Optional. For example: open to freelance work from January."
        />
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Core values</legend>
        <ItemList
          items={about.coreValues}
          onChange={(coreValues) => set({ coreValues })}
          path="about.coreValues"
          noun="core value"
          describe={(value) => value.title}
          summary={(value) => value.description}
          create={emptyCoreValue}
          testId="core-value-item"
          addTestId="add-core-value"
          max={20}
          emptyText="No core values yet. Two to four short ones work well."
        >
          {(value, index, update) => (
            <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
              <div className="flex items-end gap-2">
                <DraftField
                  className="flex-1"
                  path={`about.coreValues.${index}.icon`}
                  label="Icon"
                  value={value.icon}
                  onChange={(icon) => update({ icon })}
                  list="value-icon-names"
                />
                <span className="mb-1.5 inline-flex size-8 shrink-0 items-center justify-center rounded-md bg-indigo-50 text-indigo-600" aria-hidden="true">
                  <ValueIcon name={value.icon} />
                </span>
              </div>
              <DraftField path={`about.coreValues.${index}.title`} label="Title" required value={value.title} onChange={(title) => update({ title })} />
              <DraftField
                className="sm:col-span-2"
                path={`about.coreValues.${index}.description`}
                label="Description"
                required
                multiline
                rows={2}
                value={value.description}
                onChange={(description) => update({ description })}
              />
            </div>
          )}
        </ItemList>
        <datalist id="value-icon-names">
          {valueIconNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <p className="text-xs text-slate-500">Icons: {valueIconNames.join(', ')}. Any other name shows a star.</p>
      </fieldset>

      <TagsInput
        path="about.interests"
        label="Interests"
        values={about.interests}
        onChange={(interests) => set({ interests })}
        placeholder="Type an interest and press Enter"
        hint="Press Enter or type a comma after each one."
        testId="interests-input"
      />

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
