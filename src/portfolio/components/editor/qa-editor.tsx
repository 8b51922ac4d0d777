'use client';

import { controlClass, Field } from '@/ui/field';
import { emptyQaEntry, fieldId, type DraftQaEntry } from './draft';
import { DraftField } from './draft-field';
import { ItemList } from './item-list';

type QaEditorProps = { entries: DraftQaEntry[]; onChange: (entries: DraftQaEntry[]) => void };

const languageNames = { '': 'Any language', en: 'English', id: 'Indonesian' } as const;

/** Questions visitors ask, with the owner's answers: shown as "People ask" when published, and answered by the assistant. */
export function QaEditor({ entries, onChange }: QaEditorProps) {
  return (
    <ItemList
      value={entries}
      onChange={onChange}
      path="qa"
      noun="question"
      describe={(entry) => entry.question}
      summary={(entry) => [languageNames[entry.language], entry.published ? 'published' : 'draft'].join(' · ')}
      create={emptyQaEntry}
      testId="qa-item"
      addTestId="add-qa"
      max={200}
      emptyText="No questions yet. Questions the assistant could not answer appear in the chat inbox, ready to answer here in one step."
    >
      {(entry, index, update) => {
        const base = `qa.${index}`;
        return (
          <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
            <DraftField path={`${base}.question`} label="Question" required value={entry.question} onChange={(question) => update({ question })} />
            <Field id={fieldId(`${base}.language`)} label="Language">
              <select
                id={fieldId(`${base}.language`)}
                className={controlClass}
                value={entry.language}
                onChange={(event) => update({ language: event.target.value as DraftQaEntry['language'] })}
              >
                {Object.entries(languageNames).map(([value, name]) => (
                  <option key={value} value={value}>
                    {name}
                  </option>
                ))}
              </select>
            </Field>
            <DraftField className="sm:col-span-2" path={`${base}.answer`} label="Answer" required multiline rows={3} value={entry.answer} onChange={(answer) => update({ answer })} />
            <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
              <input type="checkbox" checked={entry.published} onChange={(event) => update({ published: event.target.checked })} className="size-4 rounded border-slate-300" />
              Published: shown under “People ask” and offered in the chat
            </label>
          </div>
        );
      }}
    </ItemList>
  );
}
