'use client';

import type { ReactNode } from 'react';
import { emptyCareerEntry, emptyLine, emptyProjectRef, type DraftCareerEntry, type DraftLine } from './draft';
import { bindFields, DraftField } from './draft-field';
import { ItemList } from './item-list';
import { TagsInput } from './tags-input';

type CareerEditorProps = { entries: DraftCareerEntry[]; onChange: (entries: DraftCareerEntry[]) => void };

export function CareerEditor({ entries, onChange }: CareerEditorProps) {
  return (
    <ItemList
      value={entries}
      onChange={onChange}
      path="career"
      noun="career entry"
      describe={(entry) => entry.title}
      summary={(entry) => [entry.year, entry.subtitle].filter(Boolean).join(' · ')}
      create={emptyCareerEntry}
      testId="career-item"
      addTestId="add-career-item"
      max={100}
      emptyText="No career entries yet. The first one is shown at the top of the timeline."
    >
      {(entry, index, update) => {
        const base = `career.${index}`;
        const field = bindFields(base, entry, update);
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
              <DraftField {...field('year')} label="Years" required placeholder="2021 – now" />
              <DraftField {...field('title')} label="Role" required placeholder="Senior Engineer" />
              <DraftField {...field('subtitle')} className="sm:col-span-2" label="Company and place" required />
              <DraftField {...field('description')} className="sm:col-span-2" label="Description" required multiline rows={3} />
            </div>

            <TagsInput {...field('techStack')} label="Technologies used" placeholder="Type a technology and press Enter" testId="career-tech-input" />

            <LineList {...field('bulletPoints')} legend="Highlights" noun="bullet point" label="Highlight" testId="bullet-point-item" addTestId="add-bullet-point" max={30} rows={2} />
            <LineList {...field('keyProjects')} legend="Key projects" noun="key project" label="Key project" testId="key-project-item" addTestId="add-key-project" max={20} />

            <ListFieldset legend="Project list">
              <ItemList
                layout="row"
                {...field('projectList')}
                noun="project"
                describe={(ref) => ref.name}
                create={emptyProjectRef}
                testId="project-list-item"
                addTestId="add-project-list-item"
                addLabel="Add to project list"
                max={40}
              >
                {(ref, refIndex, updateRef) => {
                  const refField = bindFields(`${base}.projectList.${refIndex}`, ref, updateRef);
                  return (
                    <div className="grid gap-2 sm:grid-cols-[1fr_12rem]">
                      <DraftField {...refField('name')} hideLabel label={`Project ${refIndex + 1} name`} required placeholder="Project name" />
                      <DraftField {...refField('type')} hideLabel label={`Project ${refIndex + 1} type`} placeholder="Type (optional)" />
                    </div>
                  );
                }}
              </ItemList>
            </ListFieldset>
          </>
        );
      }}
    </ItemList>
  );
}

function ListFieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-sm font-medium text-slate-700">{legend}</legend>
      {children}
    </fieldset>
  );
}

type LineListProps = {
  legend: string;
  path: string;
  value: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  noun: string;
  /** Each line's (hidden) label, numbered: "Highlight 2". */
  label: string;
  testId: string;
  addTestId: string;
  max: number;
  /** A text area this tall; a one-line input when left out. */
  rows?: number;
};

/** A list of one-line texts (highlights, key projects), each required. */
function LineList({ legend, path, value: lines, onChange, noun, label, testId, addTestId, max, rows }: LineListProps) {
  return (
    <ListFieldset legend={legend}>
      <ItemList layout="row" value={lines} onChange={onChange} path={path} noun={noun} describe={(line) => line.value} create={emptyLine} testId={testId} addTestId={addTestId} max={max}>
        {(line, index, update) => (
          <DraftField
            hideLabel
            path={`${path}.${index}`}
            label={`${label} ${index + 1}`}
            required
            multiline={rows !== undefined}
            rows={rows}
            value={line.value}
            onChange={(value) => update({ value })}
          />
        )}
      </ItemList>
    </ListFieldset>
  );
}
